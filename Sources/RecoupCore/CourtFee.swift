/// Court fees under 诉讼费用交纳办法 (2006) arts 13-16.
///
/// Each fee is computed exactly (fen times per-mille rates, in 128 bits) and rounded once to the fen by the
/// policy's rounding; the halved and the one-third fees are of the *rounded* case fee, rounded again
/// (claim 300,000: case fee 5,800.00, payment order 5,800 / 3 = 1,933.33). A claim of zero or less
/// pays nothing; any positive claim pays at least the flat fee of the lowest band.
public struct CourtFees: Sendable, Hashable {
    /// The amount claimed (the 诉讼标的额 the fees are measured by).
    public var claim: Money
    /// 案件受理费 of a property case, art. 13(1): <=10,000 -> 50; 10k-100k 2.5 %; 100k-200k 2 %;
    /// 200k-500k 1.5 %; 500k-1M 1 %; 1M-2M 0.9 %; 2M-5M 0.8 %; 5M-10M 0.7 %; 10M-20M 0.6 %; >20M 0.5 %.
    public var caseFee: Money
    /// Half of the case fee: a case closed by mediation or withdrawn (art. 15), or heard under the summary
    /// procedure (art. 16).
    public var summary: Money
    /// 申请支付令: a third of the case fee (art. 14(3)).
    public var paymentOrder: Money
    /// 申请保全: <=1,000 -> 30; 1k-100k 1 %; >100k 0.5 %; at most 5,000 (art. 14(2)).
    public var preservation: Money
    /// 申请执行: <=10,000 -> 50; 10k-500k 1.5 %; 500k-5M 1 %; 5M-10M 0.5 %; >10M 0.1 % (art. 14(1)).
    public var enforcement: Money

    /// The fees of a claim, each rounded to the fen by `rounding` (诉讼费用交纳办法 arts 13-16).
    public init(claim: Money, rounding: RoundingMode = .halfUp) {
        let c = claim.minorUnits
        let fee = CourtFees.progressive(c, scale: CourtFees.caseScale, rounding: rounding)
        self.claim = claim
        caseFee = fee
        summary = Money(minorUnits: Int64(rounding.divide128(Int128(fee.minorUnits), by: 2)))
        paymentOrder = Money(minorUnits: Int64(rounding.divide128(Int128(fee.minorUnits), by: 3)))
        preservation = min(
            CourtFees.progressive(c, scale: CourtFees.preservationScale, rounding: rounding), CourtFees.preservationCap)
        enforcement = CourtFees.progressive(c, scale: CourtFees.enforcementScale, rounding: rounding)
    }

    /// A progressive scale: a flat fee for the claim up to `flatUpTo`, then each band's per-mille rate on
    /// the part of the claim that falls in it (amounts in fen).
    struct Scale: Sendable {
        var flat: Int64
        var flatUpTo: Int64
        /// Upper bound of each band (`Int64.max`: no bound) and its rate in thousandths.
        var bands: [(upTo: Int64, perMille: Int64)]
    }

    /// Yuan in fen.
    private static func yuan(_ v: Int64) -> Int64 { v * 100 }

    /// Art. 13(1), property cases.
    static let caseScale = Scale(
        flat: yuan(50), flatUpTo: yuan(10_000),
        bands: [
            (yuan(100_000), 25), (yuan(200_000), 20), (yuan(500_000), 15), (yuan(1_000_000), 10),
            (yuan(2_000_000), 9), (yuan(5_000_000), 8), (yuan(10_000_000), 7), (yuan(20_000_000), 6), (Int64.max, 5),
        ])

    /// Art. 14(2), preservation (before the cap).
    static let preservationScale = Scale(
        flat: yuan(30), flatUpTo: yuan(1_000), bands: [(yuan(100_000), 10), (Int64.max, 5)])

    /// Art. 14(2): a preservation application pays at most 5,000.
    static let preservationCap = Money(minorUnits: yuan(5_000))

    /// Art. 14(1), enforcement.
    static let enforcementScale = Scale(
        flat: yuan(50), flatUpTo: yuan(10_000),
        bands: [(yuan(500_000), 15), (yuan(5_000_000), 10), (yuan(10_000_000), 5), (Int64.max, 1)])

    /// The fee of `claim` fen on `scale`, exact in thousandths of a fen, rounded once; zero for no claim.
    static func progressive(_ claim: Int64, scale: Scale, rounding: RoundingMode) -> Money {
        guard claim > 0 else { return .zero }
        var thousandths = Int128(scale.flat) * 1000
        var lower = scale.flatUpTo
        for band in scale.bands where claim > lower {
            let upper = min(claim, band.upTo)
            thousandths += Int128(upper - lower) * Int128(band.perMille)
            lower = upper
        }
        return Money(minorUnits: Int64(rounding.divide128(thousandths, by: 1000)))
    }
}
