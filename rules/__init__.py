"""The rule set: one module per rule. The engine finds every module here that defines CODE."""
