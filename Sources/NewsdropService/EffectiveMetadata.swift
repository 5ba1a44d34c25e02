import Logging

/// The metadata a log line carries: the handler's metadata provider, then the handler's own
/// metadata, then the metadata passed with the call; later sources win on equal keys.
///
/// - Parameters:
///   - handlerMetadata: The metadata set on the logger (`logger[metadataKey:]`).
///   - provider: The handler's metadata provider, if any.
///   - event: The metadata passed with this log call.
/// - Returns: The merged metadata.
func effectiveMetadata(
    handlerMetadata: Logger.Metadata,
    provider: Logger.MetadataProvider?,
    event: Logger.Metadata?
) -> Logger.Metadata {
    var merged = provider?.get() ?? [:]
    if merged.isEmpty {
        merged = handlerMetadata
    } else {
        merged.merge(handlerMetadata) { _, new in new }
    }
    if let event, !event.isEmpty {
        merged.merge(event) { _, new in new }
    }
    return merged
}
