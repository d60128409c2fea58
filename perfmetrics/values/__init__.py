"""One 指标值 from text to a typed value: normalize, parse (Lark), transform, model, render."""
