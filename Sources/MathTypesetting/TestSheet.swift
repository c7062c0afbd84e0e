/// Formulas of the course material (lecture notes on likelihood, entropy, cross-entropy, KL divergence
/// and the information-theory chapter), typeset together on the visual test sheet.
public enum MathTestSheet {
    public struct Entry: Sendable {
        public let topic: String
        public let tex: String
        public let display: Bool
    }

    public static let formulas: [Entry] = [
        // Likelihood
        Entry(topic: "likelihood", tex: #"P(x \mid q) = \prod_{i=1}^n q(x_i)"#, display: true),
        Entry(topic: "log-likelihood", tex: #"\log P(x \mid q) = \sum_{i=1}^n \log q(x_i)"#, display: true),
        Entry(topic: "NLL", tex: #"\text{NLL}(q) = -\sum_{i=1}^n \log q(x_i)"#, display: true),
        Entry(topic: "likelihood", tex: #"L(\theta \mid x_1, \ldots, x_n) = \prod_{i=1}^n f(x_i \mid \theta)"#, display: true),
        Entry(topic: "score", tex: #"\frac{d}{d\theta}\,\ell(\theta) = 0"#, display: true),
        Entry(topic: "Bernoulli", tex: #"\frac{d\ell}{dp} = \frac{4}{p} - \frac{1}{1-p} = 0 \quad\Rightarrow\quad \hat{p} = \frac{4}{5}"#, display: true),
        Entry(topic: "Gaussian likelihood", tex: #"L(\beta,\sigma \mid y) = \prod_i \frac{1}{\sqrt{2\pi\sigma^2}} \exp\!\left(-\frac{(y_i - x_i^\top\beta)^2}{2\sigma^2}\right)"#, display: true),
        Entry(topic: "Gaussian log-likelihood", tex: #"\ell = -\frac{n}{2}\log(2\pi) - \frac{n}{2}\log(\sigma^2) - \frac{1}{2\sigma^2}\sum_{i}(y_i - x_i^\top\beta)^2"#, display: true),
        Entry(topic: "logistic model", tex: #"\pi_i = P(y_i=1) = \frac{1}{1+e^{-x_i^\top\beta}}"#, display: true),
        Entry(topic: "logistic likelihood", tex: #"L(\beta \mid y) = \prod_i \pi_i^{y_i}(1-\pi_i)^{1-y_i}"#, display: true),
        Entry(topic: "logistic log-likelihood", tex: #"\ell(\beta) = \sum_i \bigl[y_i\log(\pi_i) + (1-y_i)\log(1-\pi_i)\bigr]"#, display: true),
        Entry(topic: "AIC", tex: #"\mathrm{AIC} = 2k - 2\ell(\hat\theta)"#, display: true),
        Entry(topic: "BIC", tex: #"\mathrm{BIC} = k\log(n) - 2\ell(\hat\theta)"#, display: true),
        Entry(topic: "MLE", tex: #"\hat\theta_{\mathrm{MLE}} = \arg\max_{\theta} \sum_{i=1}^{N} \log p(x_i \mid \theta)"#, display: true),
        // Information and entropy
        Entry(topic: "surprise", tex: #"I(x) = -\log p(x)"#, display: false),
        Entry(topic: "additivity", tex: #"-\log(p(x)p(y)) = -\log p(x) - \log p(y)"#, display: false),
        Entry(topic: "units", tex: #"1 \text{ nat} = \frac{1}{\ln 2} \text{ bits} \approx 1.443 \text{ bits}"#, display: false),
        Entry(topic: "entropy", tex: #"H(X) = \mathbb{E}_{x \sim p}\left[I(x)\right] = -\sum_{x \in \mathcal{X}} p(x) \log p(x)"#, display: true),
        Entry(topic: "entropy bounds", tex: #"0 \le H(X) \le \log K"#, display: false),
        Entry(topic: "coin", tex: #"H(p) = -[0.5 \log_2 0.5 + 0.5 \log_2 0.5] = 1 \text{ bit}"#, display: true),
        Entry(topic: "differential entropy", tex: #"h(X) = -\int_{-\infty}^{\infty} f(x) \log f(x) \, dx"#, display: true),
        Entry(topic: "Gaussian entropy", tex: #"h(X) = \frac{1}{2}\log(2\pi e \sigma^2)"#, display: true),
        Entry(topic: "joint entropy", tex: #"H(X, Y) = -\sum_{x \in \mathcal{X}} \sum_{y \in \mathcal{Y}} p(x, y) \log p(x, y)"#, display: true),
        Entry(topic: "conditional entropy", tex: #"H(Y \mid X) = -\sum_{x \in \mathcal{X}} \sum_{y \in \mathcal{Y}} p(x, y) \log p(y \mid x)"#, display: true),
        Entry(topic: "chain rule", tex: #"H(X, Y) = H(X) + H(Y \mid X) = H(Y) + H(X \mid Y)"#, display: true),
        Entry(topic: "chain rule, n variables", tex: #"H(X_1, X_2, \ldots, X_n) = \sum_{i=1}^{n} H(X_i \mid X_1, \ldots, X_{i-1})"#, display: true),
        Entry(topic: "maximum entropy", tex: #"p^*(x) = \frac{1}{Z(\lambda)} \exp\Bigl(\sum_{k} \lambda_k f_k(x)\Bigr), \quad Z(\lambda) = \sum_{x} e^{\lambda^\top f(x)}"#, display: true),
        // Cross-entropy
        Entry(topic: "cross-entropy", tex: #"H(p, q) = \mathbb{E}_{x \sim p}[-\log q(x)] = -\sum_x p(x) \log q(x)"#, display: true),
        Entry(topic: "Gibbs inequality", tex: #"H(p, q) \geq H(p)"#, display: false),
        Entry(topic: "empirical cross-entropy", tex: #"H(p, q) \approx -\frac{1}{n} \sum_{i=1}^n \log q(x_i)"#, display: true),
        Entry(topic: "one-hot loss", tex: #"H(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_{k=1}^{K} y_k \log \hat{y}_k = -\log \hat{y}_c"#, display: true),
        Entry(topic: "binary cross-entropy", tex: #"H(y, \hat{y}) = -\left[y \log \hat{y} + (1 - y) \log(1 - \hat{y})\right]"#, display: true),
        Entry(topic: "NLL = cross-entropy", tex: #"-\frac{1}{N}\sum_{i=1}^{N} \log q(y_i \mid x_i) = -\sum_{x} \hat{p}(x) \log q(x) = H(\hat{p}, q)"#, display: true),
        Entry(topic: "softmax", tex: #"\operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}"#, display: true),
        Entry(topic: "log-sum-exp", tex: #"\log \sum_{j} e^{z_j} = m + \log \sum_{j} e^{z_j - m}, \quad m = \max_j z_j"#, display: true),
        // KL divergence
        Entry(topic: "KL, discrete", tex: #"D_{\mathrm{KL}}(p \,\|\, q) = \sum_{x \in \mathcal{X}} p(x) \log \frac{p(x)}{q(x)} = \mathbb{E}_{x \sim p}\left[\log \frac{p(x)}{q(x)}\right]"#, display: true),
        Entry(topic: "KL, continuous", tex: #"D_{\mathrm{KL}}(P \,\|\, Q) = \int p(x)\,\log\!\left[\frac{p(x)}{q(x)}\right]dx"#, display: true),
        Entry(topic: "KL decomposition", tex: #"D_{\mathrm{KL}}(p \,\|\, q) = H(p, q) - H(p)"#, display: true),
        Entry(topic: "KL non-negative", tex: #"D_{\mathrm{KL}}(p \,\|\, q) \ge 0, \quad D_{\mathrm{KL}}(p \,\|\, q) \ne D_{\mathrm{KL}}(q \,\|\, p)"#, display: false),
        Entry(topic: "KL of Gaussians", tex: #"D_{\mathrm{KL}}(p \,\|\, q) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}"#, display: true),
        Entry(topic: "KL to the prior (VAE)", tex: #"D_{\mathrm{KL}}\bigl(\mathcal{N}(\mu, \sigma^2) \,\|\, \mathcal{N}(0, 1)\bigr) = \frac{1}{2}\sum_{j=1}^{d}\left(\mu_j^2 + \sigma_j^2 - \log \sigma_j^2 - 1\right)"#, display: true),
        Entry(topic: "KL worked example", tex: #"\begin{aligned} D_{\mathrm{KL}}(p \,\|\, q) &= 0.5 \log_2 \frac{0.5}{0.6} + 0.5 \log_2 \frac{0.5}{0.4} \\ &= 0.5(-0.263) + 0.5(0.322) \approx 0.03 \text{ bits} \end{aligned}"#, display: true),
        Entry(topic: "Jensen", tex: #"-D_{\mathrm{KL}}(p \,\|\, q) = \sum_x p(x) \log \frac{q(x)}{p(x)} \le \log \sum_x p(x) \frac{q(x)}{p(x)} = 0"#, display: true),
        Entry(topic: "KL minimisation = MLE", tex: #"\text{Minimising } D_{\mathrm{KL}}(P_\text{true} \,\|\, Q_\text{model}) \;\equiv\; \text{MLE}"#, display: true),
        Entry(topic: "Jensen-Shannon", tex: #"\mathrm{JS}(p \,\|\, q) = \tfrac{1}{2} D_{\mathrm{KL}}(p \,\|\, m) + \tfrac{1}{2} D_{\mathrm{KL}}(q \,\|\, m), \quad m = \tfrac{1}{2}(p + q)"#, display: true),
        Entry(topic: "TRPO constraint", tex: #"\max_{\theta}\; \mathbb{E}\!\left[\frac{\pi_\theta(a \mid s)}{\pi_{\theta_{\text{old}}}(a \mid s)} A(s, a)\right] \quad \text{s.t.} \quad \mathbb{E}\bigl[D_{\mathrm{KL}}(\pi_{\theta_{\text{old}}} \,\|\, \pi_\theta)\bigr] \le \delta"#, display: true),
        // Mutual information
        Entry(topic: "MI identities", tex: #"I(X; Y) = H(X) - H(X \mid Y) = H(Y) - H(Y \mid X) = H(X) + H(Y) - H(X, Y)"#, display: true),
        Entry(topic: "MI as a sum", tex: #"I(X; Y) = \sum_{x \in \mathcal{X}} \sum_{y \in \mathcal{Y}} p(x, y) \log \frac{p(x, y)}{p(x)p(y)}"#, display: true),
        Entry(topic: "MI as KL", tex: #"I(X; Y) = D_{\mathrm{KL}}\bigl(p(x, y) \,\|\, p(x)p(y)\bigr)"#, display: true),
        Entry(topic: "data processing", tex: #"\text{If } X \to Y \to Z \text{ forms a Markov chain, then } I(X; Z) \leq I(X; Y)"#, display: true),
        Entry(topic: "deep network DPI", tex: #"I(X; \hat{Y}) \leq I(X; h_L) \leq \cdots \leq I(X; h_1) \leq I(X; X) = H(X)"#, display: true),
        Entry(topic: "information bottleneck", tex: #"\min_{p(t \mid x)} \; I(X; T) - \beta \cdot I(T; Y)"#, display: true),
        Entry(topic: "sufficient statistic", tex: #"I(X; \theta) = I(T(X); \theta)"#, display: false),
        Entry(topic: "experiment value", tex: #"I = H(\theta) - \mathbb{E}[H(\theta \mid x)]"#, display: true),
        // Variational inference
        Entry(topic: "variational objective", tex: #"q^*(\theta) = \arg\min_{q \in \mathcal{Q}} D_{\mathrm{KL}}(q(\theta) \,\|\, p(\theta \mid x))"#, display: true),
        Entry(topic: "ELBO decomposition", tex: #"\log p(x) = \underbrace{\mathbb{E}_{q(\theta)}\left[\log \frac{p(x, \theta)}{q(\theta)}\right]}_{\text{ELBO}(q)} + \underbrace{D_{\mathrm{KL}}(q(\theta) \,\|\, p(\theta \mid x))}_{\geq 0}"#, display: true),
        Entry(topic: "ELBO bound", tex: #"\text{ELBO}(q) = \mathbb{E}_{q(\theta)}\left[\log p(x, \theta) - \log q(\theta)\right] \leq \log p(x)"#, display: true),
        Entry(topic: "ELBO terms", tex: #"\text{ELBO}(q) = \underbrace{\mathbb{E}_{q(\theta)}[\log p(x \mid \theta)]}_{\text{expected log-likelihood}} - \underbrace{D_{\mathrm{KL}}(q(\theta) \,\|\, p(\theta))}_{\text{KL from prior}}"#, display: true),
        Entry(topic: "Bayes", tex: #"p(\theta \mid x) = \frac{p(x \mid \theta)\, p(\theta)}{\int p(x \mid \theta')\, p(\theta')\, d\theta'}"#, display: true),
        // Assorted constructions
        Entry(topic: "Gaussian density", tex: #"\mathcal{N}(x \mid \mu, \sigma^2) = \frac{1}{\sigma\sqrt{2\pi}} \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)"#, display: true),
        Entry(topic: "multivariate Gaussian", tex: #"h(\mathbf{X}) = \frac{1}{2}\log\left((2\pi e)^d \det \boldsymbol{\Sigma}\right)"#, display: true),
        Entry(topic: "binomial", tex: #"P(K = k) = \binom{n}{k} p^k (1-p)^{n-k}"#, display: true),
        Entry(topic: "cases", tex: #"\mathbb{1}[x \in A] = \begin{cases} 1 & \text{if } x \in A, \\ 0 & \text{otherwise} \end{cases}"#, display: true),
        Entry(topic: "covariance matrix", tex: #"\boldsymbol{\Sigma} = \begin{pmatrix} \sigma_1^2 & \rho\sigma_1\sigma_2 \\ \rho\sigma_1\sigma_2 & \sigma_2^2 \end{pmatrix}, \quad \mathbf{P} = \begin{bmatrix} 0.56 & 0.14 \\ 0.04 & 0.26 \end{bmatrix}"#, display: true),
        Entry(topic: "limit", tex: #"\lim_{p \to 0^+} p \log p = 0, \quad \sup_{x} f(x) \ge \inf_{x} f(x)"#, display: true),
        Entry(topic: "conditional density", tex: #"\left. \frac{\partial \ell}{\partial \beta} \right|_{\beta = \hat\beta} = \nabla_\beta \ell(\hat\beta) = 0"#, display: true),
        Entry(topic: "set notation", tex: #"\left\{ x \in \mathbb{R}^d \;\middle|\; \|x\|_2 \le 1 \right\}, \quad \langle u, v \rangle = \sum_i u_i v_i"#, display: true),
        Entry(topic: "roots", tex: #"\sqrt{\frac{1}{n}\sum_{i=1}^n (x_i - \bar{x})^2}, \quad \sqrt[3]{x}, \quad \sigma = \sqrt{\sigma^2}"#, display: true),
        Entry(topic: "accents", tex: #"\hat{\theta},\ \bar{x},\ \tilde{p},\ \vec{v},\ \dot{x},\ \overline{X + Y},\ \underline{a}"#, display: false),
        Entry(topic: "big delimiters", tex: #"\Bigg( \bigg( \Big( \big( x \big) \Big) \bigg) \Bigg), \quad \big\langle x \big\rangle"#, display: true),
        Entry(topic: "integrals", tex: #"\oint_C \mathbf{F} \cdot d\mathbf{r}, \quad \int_0^1 x^2\, dx = \tfrac{1}{3}, \quad \dfrac{a}{b}"#, display: true),
        Entry(topic: "operators", tex: #"a \pm b \times c \cdot d \propto e, \quad x \mapsto f(x), \quad A \Leftrightarrow B, \quad a \notin S \subset T"#, display: false),
        Entry(topic: "limits control", tex: #"\sum\nolimits_{i} x_i \quad \int\limits_0^1 f \quad \min_{x} \quad \det A \quad \exp x"#, display: true),
        Entry(topic: "script text", tex: #"\mathcal{L}_{\text{CE}} = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{K} y_{nk} \log \hat{y}_{nk}, \quad e^{x^2}, \quad x_{i_j}^{2}"#, display: true),
    ]
}
