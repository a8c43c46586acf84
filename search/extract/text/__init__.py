"""Text basics: sentences and tokens, noun phrases, and the work counters that keep extraction linear."""
