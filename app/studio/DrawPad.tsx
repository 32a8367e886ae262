/** The drawing pad moved to app/ui (lessons draw digits too); the studio keeps importing it from here. */
export { DrawPad, type DrawPadProps } from '../ui/DrawPad';
