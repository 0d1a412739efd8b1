// The book's calibration lives in shared/risk/book so the Planner and `levdesk size` can price a stop's slippage with it.
export * from '#shared/risk/book/calibration';
