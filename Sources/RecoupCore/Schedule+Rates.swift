import Foundation  // exp, log1p, expm1, pow for the IRR (a rate, never an amount)

extension ScheduleEngine {
    /// Annualized rate and effective rate (percent) of cash flows per period: flows[0] at the start (positive = credit the customer received), then one flow per period (negative = what the customer pays). Nil when no rate solves it.
    ///
    /// annualized = IRR per period × `periodsPerYear` × 100 (PBOC 2021 No. 3); effective = ((1 + IRR)^ppy − 1) × 100.
    /// Example: C5, `rates(flows: [1_170_000] + Array(repeating: -100_000, count: 12), periodsPerYear: 12)` is about (4.7000, 4.8026).
    public static func rates(flows: [Int64], periodsPerYear: Int) -> (annualized: Double, effective: Double)? {
        guard periodsPerYear > 0 else { return nil }
        return irr(flows.enumerated().map { (Double($0.offset), Double($0.element)) }).map { annualize($0, periodsPerYear: periodsPerYear) }
    }

    static func annualize(_ x: Double, periodsPerYear ppy: Int) -> (annualized: Double, effective: Double) {
        (x * Double(ppy) * 100, expm1(Double(ppy) * log1p(x)) * 100)
    }

    /// The rate x per period (x > −1) with Σ amount × (1 + x)^−t = 0, nearest to 0 on the positive side
    /// first; nil without a sign change. Bracketed Newton, bisection whenever Newton leaves the bracket.
    static func irr(_ flows: [(t: Double, amount: Double)]) -> Double? {
        guard flows.contains(where: { $0.amount > 0 }), flows.contains(where: { $0.amount < 0 }) else { return nil }
        let integral = flows.allSatisfy { $0.t == $0.t.rounded() && $0.t >= 0 }
        // f(x) and f'(x); integral times use Horner in v = 1 / (1 + x).
        var dense: [Double] = []
        if integral {
            dense = [Double](repeating: 0, count: Int(flows.map(\.t).max() ?? 0) + 1)
            for f in flows { dense[Int(f.t)] += f.amount }
        }
        func value(_ x: Double) -> (f: Double, df: Double) {
            if integral {
                let v = 1 / (1 + x)
                var f = 0.0, d = 0.0
                for c in dense.reversed() { d = d * v + f; f = f * v + c }
                return (f, -d * v * v)  // df/dx = df/dv × (−v²)
            }
            let l = log1p(x)
            var f = 0.0, d = 0.0
            for c in flows {
                let e = c.amount * exp(-c.t * l)
                f += e; d -= c.t * e / (1 + x)
            }
            return (f, d)
        }
        let f0 = value(0).f
        if f0 == 0 { return 0 }
        // Bracket: walk outward from 0 on each side until the sign changes.
        let positive: [Double] = [0.0001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1000]
        let negative: [Double] = [-0.0001, -0.001, -0.005, -0.01, -0.02, -0.05, -0.1, -0.2, -0.5, -0.8, -0.9, -0.99]
        var bracket: (Double, Double)? = nil
        for side in [positive, negative] where bracket == nil {
            var prev = 0.0
            for x in side {
                let f = value(x).f
                if !f.isFinite { break }
                if (f < 0) != (f0 < 0) || f == 0 { bracket = (prev, x); break }
                prev = x
            }
        }
        guard var (a, b) = bracket else { return nil }
        var fa = value(a).f
        var x = (a + b) / 2
        for _ in 0..<200 {
            let (f, df) = value(x)
            if f == 0 { return x }
            if (f < 0) == (fa < 0) { a = x; fa = f } else { b = x }
            var next = df != 0 ? x - f / df : .nan
            if !(next > min(a, b) && next < max(a, b)) { next = (a + b) / 2 }
            if abs(next - x) <= 1e-15 * max(1, abs(x)) { return next }
            x = next
        }
        return x
    }
}
