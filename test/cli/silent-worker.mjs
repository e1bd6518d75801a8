// A worker for runPool's tests: it ends at once, without a word to the main thread.
