import ShellKit

extension Catalog {
    /// The tables of contacts, promises, disputes, complaints, legal steps and claims declared with `TableSpec`, for `docs/OUTPUT.md`.
    static var caseOutputReferences: [OutputReference] {
        [
            timelineSpec.reference, contactSpec.reference, promiseSpec.reference, disputeListSpec.reference,
            disputeHistorySpec.reference, complaintListSpec.reference, legalListSpec.reference,
            legalStepSpec.reference, claimSpec.reference, writeOffListSpec.reference,
        ]
    }
}
