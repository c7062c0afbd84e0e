/// The built-in sample template: a short handout using every construct of the format contract.
/// Kept as a Swift string (not a resource file) so the test target needs no resource rules.
let sampleTemplate = #"""
---
title: Cross-entropy and KL divergence
subtitle: How far is a forecast from the truth?
course: Information Theory for Data Science
lecture: 2
author: infoplot course team
date: 2026-11-23
paper: a4
theme: light
data:
  weather: {labels: [Sunny, Cloudy, Rainy], p: [0.5, 0.3, 0.2], q: [0.4, 0.35, 0.25]}
  umbrella: [[0.56, 0.14], [0.04, 0.26]]
values:
  kl_weather: {op: kl, p: weather.p, q: weather.q, unit: bits, digits: 3}
  h_weather:  {op: entropy, p: weather.p, unit: bits, digits: 3}
  terms:      {op: kl_terms, p: weather.p, q: weather.q, unit: bits, digits: 4}
  mle:        {op: bernoulli_mle, heads: 4, tails: 1, digits: 3}
  weather_rows:
    rows: {label: weather.labels, p: weather.p, q: weather.q, term: terms}
---

# Cross-entropy {#sec-ce}

The forecast is off by $D_{\mathrm{KL}}(p\|q) = {{kl_weather}}$ bits, see @eq-kl and @fig-kl.
The entropy of the weather is {{h_weather}} bits; the MLE is $\hat p = {{mle.p_hat}}$.[^why]

$$ D_{\mathrm{KL}}(p\|q) = \sum_x p(x)\log\frac{p(x)}{q(x)} $$ {#eq-kl}

## Per-outcome terms {#sec-terms}

| outcome | $p$ | $q$ | term |
|:--------|----:|----:|-----:|
{{#weather_rows}}
| {{label}} | {{p}} | {{q}} | {{term}} |
{{/weather_rows}}

Table: Per-outcome terms $p(x)\log_2 \frac{p(x)}{q(x)}$. {#tbl-terms}

@tbl-terms sums to {{kl_weather}}; @sec-terms explains it, and @sec-ce started it.

```figure
name: kl-fits
target: [{weight: 0.5, mu: -2, sigma: 0.6}, {weight: 0.5, mu: 2, sigma: 0.6}]
caption: Forward KL covers both modes; reverse KL picks one ($q^*$).
label: fig-kl
```

::: definition Kullback–Leibler divergence
The *expected* log ratio $\mathbb{E}_p[\log p/q]$, never negative.
:::

::: exercise Compute it
Check that the terms add up to $\sum_x t_x$.
:::

::: solution
They add up to {{kl_weather}} bits.
:::

[^why]: Because $p \ne q$.
"""#
