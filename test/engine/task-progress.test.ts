import { describe, expect, it } from 'vitest';
import { TaskProgress } from '../../engine/task-progress.js';

describe('TaskProgress', () => {
  it('counts written rows and never reports fewer rows than before', () => {
    const seen: number[] = [];
    const progress = new TaskProgress((done) => seen.push(done), 3, 2);
    const command = progress.commandStage(1);
    command(2); // 2 lines = 1 row of 2 variants
    command(3);
    command(6);
    progress.row(); // rows written after the program: already shown
    progress.row();
    progress.row();
    expect(seen).toEqual([1, 3]);
  });

  it('averages the rows of several command stages, which each go over every row', () => {
    const seen: number[] = [];
    const progress = new TaskProgress((done) => seen.push(done), 4, 1);
    const first = progress.commandStage(2);
    const second = progress.commandStage(2);
    first(4);
    second(2);
    second(4);
    expect(seen).toEqual([2, 3, 4]);
  });

  it('reports a tabular chunk at once', () => {
    const seen: [number, number][] = [];
    new TaskProgress((done, total) => seen.push([done, total]), 10, 3).rows(10);
    expect(seen).toEqual([[10, 10]]);
  });
});
