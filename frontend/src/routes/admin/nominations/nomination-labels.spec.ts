import { describe, expect, it } from 'vitest';
import { boardQuery, boardStateFrom, scoreText } from './nomination-labels';

describe('nomination board helpers', () => {
  it('reads and writes the board state in the URL, ignoring unknown values', () => {
    const state = boardStateFrom(
      new URLSearchParams('forum=f1&statuses=accepted,nonsense&categories=education&countries=za&view=list'),
    );
    expect(state).toEqual({ forumId: 'f1', statuses: ['accepted'], categories: ['education'], countries: ['ZA'], view: 'list' });
    expect(boardQuery(state)).toBe('forum=f1&statuses=accepted&categories=education&countries=ZA&view=list');
  });

  it('describes scores with their spread and conflicts', () => {
    expect(scoreText({ count: 3, average: 3.67, spread: 3, conflicts: 1 })).toBe(
      '3.7 (spread 3, 3 reviews, 1 conflict of interest)',
    );
    expect(scoreText({ count: 0, average: null, spread: null, conflicts: 0 })).toBe('no scores yet');
  });
});
