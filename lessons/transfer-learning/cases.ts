/**
 * The lecture's four cases of transfer learning: how much labelled data the new task has, against
 * how close it is to the task the network was trained on, and what to freeze and retrain in each.
 * Plain data, shared by the table and the "which case" exercise.
 */
export interface TransferCase {
  readonly number: 1 | 2 | 3 | 4;
  readonly data: 'little' | 'much';
  readonly task: 'similar' | 'different';
  readonly freeze: string;
  readonly retrain: string;
  readonly why: string;
}

export const CASES: readonly TransferCase[] = [
  {
    number: 1,
    data: 'little',
    task: 'similar',
    freeze: 'every convolution layer',
    retrain: 'only a new classifier on top',
    why: 'The top features already describe this kind of image; retraining them on a few examples would fit those examples and forget the rest.',
  },
  {
    number: 2,
    data: 'much',
    task: 'similar',
    freeze: 'nothing',
    retrain: 'every weight, starting from the pretrained ones',
    why: 'With enough data there is little risk of overfitting, and letting every layer adjust to the new images can only help.',
  },
  {
    number: 3,
    data: 'little',
    task: 'different',
    freeze: 'the early layers, and drop the late ones',
    retrain: 'a classifier on the early layers’ output',
    why: 'Edges and textures are useful almost everywhere; the late features are specific to the old classes, and there is too little data to relearn them.',
  },
  {
    number: 4,
    data: 'much',
    task: 'different',
    freeze: 'nothing',
    retrain: 'every weight, using the pretrained ones only as a starting point',
    why: 'There is data enough to learn new features; pretrained weights are still a better start than random ones, so training gets there sooner.',
  },
];

/** The case for a given amount of data and closeness of task. */
export function caseFor(data: TransferCase['data'], task: TransferCase['task']): TransferCase {
  return CASES.find((c) => c.data === data && c.task === task)!;
}
