/** Every API route is under this path (health aside): set in bootstrap, read by CheckInLane. */
export const API_PREFIX = 'api/v1';
