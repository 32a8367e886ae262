/** The class colours live in app/ui/embedding (the studio's embedding view uses them too). */
export { CLASS_COLOURS, classColour } from '../../app/ui/embedding/classColours';

/** "a 3", "an 8": a digit with its article, for prose and accessible names. */
export function aDigit(digit: number): string {
  return digit === 8 ? `an ${digit}` : `a ${digit}`;
}
