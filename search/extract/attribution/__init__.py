"""Attribution: which mention said a quote, by ordered rules, fallbacks and the learned ranker."""
