"""Case pages, one module per concept. Thin: parse, check policy, call an action, render."""
