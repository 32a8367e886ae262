/** The drawing-to-MNIST conversion moved to app/ui with the drawing pad; re-exported for the studio. */
export { canvasToMnist, centreByMass, inkBox } from '../ui/digit';
