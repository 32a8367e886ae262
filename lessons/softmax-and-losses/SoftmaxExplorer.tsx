/**
 * Scores to probabilities: three editable class scores, a temperature T that divides them before
 * the softmax, and a bar per class showing its probability (engine softmax). The true class can
 * be chosen, and its cross-entropy loss −log p is shown beside the bars.
 */
import type { ReactElement } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { NumberField } from '../../app/ui/NumberField';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { intCodec, listCodec, numberCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { CLASSES, crossEntropy, LECTURE_SCORES, softmax, tidy } from './scores';

// The explorer's state in the lesson's address (app/ui/urlState.ts), bounded as the fields are.
const SCORE_LIMIT = 100;
const SCORES_CODEC = listCodec(numberCodec(-SCORE_LIMIT, SCORE_LIMIT), CLASSES.length);
const TEMPERATURE_CODEC = numberCodec(0.1, 5);
const LABEL_CODEC = intCodec(0, CLASSES.length - 1);

export function SoftmaxExplorer(): ReactElement {
  const [scores, setScores, scoresNotice] = useUrlState('sm.s', SCORES_CODEC, LECTURE_SCORES[0]!);
  const [temperature, setTemperature, temperatureNotice] = useUrlState('sm.t', TEMPERATURE_CODEC, 1);
  const [label, setLabel, labelNotice] = useUrlState('sm.y', LABEL_CODEC, 0);
  const probs = softmax(scores, temperature);
  const loss = crossEntropy(scores, label, temperature);
  return (
    <div className="sm-explorer" data-testid="softmax-explorer" data-temperature={temperature}>
      <UrlNotice notices={[scoresNotice, temperatureNotice, labelNotice]} />
      <div className="sm-inputs">
        {CLASSES.map((name, k) => (
          <NumberField
            key={name}
            label={`score s(${name})`}
            value={scores[k]!}
            min={-SCORE_LIMIT}
            max={SCORE_LIMIT}
            step={0.1}
            onChange={(v) => setScores((s) => s.map((old, j) => (j === k ? v : old)))}
          />
        ))}
      </div>
      <label className="sm-range">
        <span>
          Temperature T = <strong data-testid="temperature">{temperature.toFixed(1)}</strong>
        </span>
        <input
          type="range"
          min={0.1}
          max={5}
          step={0.1}
          value={temperature}
          onChange={(e) => setTemperature(Number(e.target.value))}
          aria-label="Temperature T"
        />
      </label>
      <ChoiceGroup
        legend="True class"
        options={CLASSES.map((c, k) => ({ value: k, label: c }))}
        value={label}
        onChange={setLabel}
      />
      <ul className="sm-bars" aria-label="Probabilities">
        {CLASSES.map((name, k) => (
          <li key={name} data-class={name} data-p={probs[k]}>
            <span className="sm-bar-label">{name}</span>
            <span className="sm-bar-track">
              <span
                className={k === label ? 'sm-bar sm-bar--true' : 'sm-bar'}
                style={{ width: `${100 * probs[k]!}%` }}
              />
            </span>
            <span className="sm-bar-value">{probs[k]!.toFixed(3)}</span>
          </li>
        ))}
      </ul>
      <p className="sm-loss" data-testid="softmax-loss" data-loss={loss}>
        Sum of probabilities:{' '}
        {tidy(
          probs.reduce((a, b) => a + b, 0),
          3,
        )}
        . Cross-entropy for the true class “{CLASSES[label]}”: −log {probs[label]!.toFixed(3)} ={' '}
        <strong>{loss.toFixed(3)}</strong>
      </p>
    </div>
  );
}
