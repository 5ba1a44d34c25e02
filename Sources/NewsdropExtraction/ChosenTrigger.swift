/// The fields of the trigger row a reading chose that the event rules read — and may change: "troops
/// killed at least 12 gunmen" makes a killing an attack — copied out of the row without its phrase
/// and context lists. A copy of the whole `TriggerEntry` retained and released its four arrays for
/// every trigger read.
struct ChosenTrigger {
    var id: String
    var type: EventType
    var cameo: String?
    var roles: TriggerEntry.Roles

    /// The fields of `rows[index]`, read in place.
    init(_ rows: [TriggerEntry], _ index: Int) {
        (id, type, cameo, roles) = rows.withUnsafeBufferPointer { rows in
            precondition(index >= 0 && index < rows.count, "trigger row out of range")
            let row = rows.baseAddress.unsafelyUnwrapped + index
            return (row.pointee.id, row.pointee.type, row.pointee.cameo, row.pointee.roles)
        }
    }
}
