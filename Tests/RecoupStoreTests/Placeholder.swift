import Testing
@testable import RecoupStore
