/// The level payment of an annuity, computed exactly (internal).
///
/// The payment P that brings `balance` to exactly zero over the amortizing periods, each period k
/// growing the balance by its own exact rate `r_k = units × weight_k / (scale × divisor_k)` (so
/// actual/365 months of 31 and 28 days differ, as Fineract's progressive calculator does: F2):
///
///     balance × Π(1 + r_k) = P × Σ_k Π_{j>k}(1 + r_j)
///
/// The quotient is a ratio of big integers; it is estimated in `Double` and then settled by exact
/// comparisons, so an exact-cent payment is never pushed up by floating error (LendingClub, mode `.up`).
extension PlanModel {
    /// P in fen, rounded by `terms.rounding` to a multiple of `multiple`; `periods` are the amortizing periods.
    func levelPayment(balance: Int64, periods: [Int]) -> Int64 {
        precondition(!periods.isEmpty && balance >= 0)
        guard balance > 0 else { return 0 }
        // (1 + r_k) = grow[k] / base[k], exact positive integers in lowest terms.
        var grow: [UInt64] = [], base: [UInt64] = []
        grow.reserveCapacity(periods.count); base.reserveCapacity(periods.count)
        for k in periods {
            let b = UInt64(scale) * UInt64(divisor(k)), g = b + UInt64(units) * UInt64(fullWeight(k))
            let d = Self.gcd(g, b)
            base.append(b / d); grow.append(g / d)
        }
        // S = Σ_k Π_{j>k} g_j = num / den by t_1 = 1, t_{i+1} = t_i g_{i+1} + 1 (den = Π_{j≥2} base_j),
        // the numerator balance × Π grow alongside; all in place.
        let m = periods.count
        var num = BigUInt(1), den = BigUInt(1), numerator = BigUInt(UInt64(balance)).times(grow[0])
        var sEst = 1.0, gEst = Double(grow[0]) / Double(base[0])
        for i in 1..<max(1, m) {
            let g = grow[i], b = base[i]
            num.multiply(by: g)
            den.multiply(by: b)
            num.add(den)
            numerator.multiply(by: g)
            let ratio = Double(g) / Double(b)
            sEst = sEst * ratio + 1
            gEst *= ratio
        }
        let unit = UInt64(multiple)
        let q = num.times(base[0]).times(unit)  // P / unit = numerator / q
        let estimate = Double(balance) * gEst / sEst / Double(unit)
        let f = BigUInt.floorQuotient(numerator, q, estimate: estimate)
        // Round by the mode with exact comparisons: rem = numerator - f q.
        let lowProduct = q.times(f)
        var result = f
        if lowProduct != numerator {
            switch terms.rounding {
            case .up: result = f + 1
            case .halfUp, .halfEven:
                // Compare 2 numerator with (2f + 1) q.
                let twiceN = numerator.times(2)
                var mid = q.times(2 * f)
                mid.add(q)
                if mid < twiceN { result = f + 1 }
                else if mid == twiceN { result = (terms.rounding == .halfUp || f % 2 == 1) ? f + 1 : f }
            }
        }
        return Int64(result) * multiple
    }
}

extension PlanModel {
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

/// A minimal unsigned big integer: enough to multiply by words, add and compare (internal).
struct BigUInt: Comparable {
    /// Little-endian 64-bit limbs, no high zero limbs (zero is `[]`).
    private(set) var limbs: [UInt64]

    init(_ v: UInt64) { limbs = v == 0 ? [] : [v] }

    func times(_ m: UInt64) -> BigUInt {
        var out = self
        out.multiply(by: m)
        return out
    }

    mutating func multiply(by m: UInt64) {
        if m == 0 { limbs.removeAll(); return }
        var carry: UInt64 = 0
        limbs.withUnsafeMutableBufferPointer { l in
            for i in l.indices {
                let (hi, lo) = l[i].multipliedFullWidth(by: m)
                let (sum, o) = lo.addingReportingOverflow(carry)
                l[i] = sum
                carry = hi &+ (o ? 1 : 0)
            }
        }
        if carry != 0 { limbs.append(carry) }
    }

    mutating func add(_ b: BigUInt) {
        if limbs.count < b.limbs.count { limbs += repeatElement(0, count: b.limbs.count - limbs.count) }
        var carry: UInt64 = 0
        let n = limbs.count
        limbs.withUnsafeMutableBufferPointer { l in
            b.limbs.withUnsafeBufferPointer { r in
                var i = 0
                while i < n {
                    let x = i < r.count ? r[i] : 0
                    if x == 0 && carry == 0 && i >= r.count { break }
                    let (s1, o1) = l[i].addingReportingOverflow(x)
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    l[i] = s2
                    carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
                    i += 1
                }
            }
        }
        if carry != 0 { limbs.append(carry) }
    }

    static func < (a: BigUInt, b: BigUInt) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        for i in stride(from: a.limbs.count - 1, through: 0, by: -1) where a.limbs[i] != b.limbs[i] {
            return a.limbs[i] < b.limbs[i]
        }
        return false
    }

    /// The largest f with f × q ≤ n (q > 0), searched from a floating-point estimate.
    static func floorQuotient(_ n: BigUInt, _ q: BigUInt, estimate: Double) -> UInt64 {
        func fits(_ f: UInt64) -> Bool { !(n < q.times(f)) }
        let cap = Double(UInt64.max / 4)
        var f0: UInt64 = estimate.isFinite && estimate > 0 ? UInt64(min(estimate, cap)) : 0
        var lo: UInt64, hi: UInt64  // fits(lo), !fits(hi)
        if fits(f0) {
            lo = f0
            var step: UInt64 = 1
            while fits(lo + step) { lo += step; step *= 2 }
            hi = lo + step
        } else {
            hi = f0
            var step: UInt64 = 1
            while true {
                if step >= hi { lo = 0; break }
                f0 = hi - step
                if fits(f0) { lo = f0; break }
                hi = f0; step *= 2
            }
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if fits(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }
}
