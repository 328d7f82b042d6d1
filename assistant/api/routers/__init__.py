"""One router per resource; each only maps HTTP to the features and raises the product's errors."""
