"""The learned speaker-mention ranker: candidates, features, the linear model and its trained weights."""
