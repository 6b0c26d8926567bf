namespace DualHome.Control;

/// <summary>Why a control request got no answer.</summary>
public enum ControlClientError
{
    /// <summary>No socket at the path, or nothing listening on it.</summary>
    NotRunning,
    PermissionDenied,
    Timeout,
    /// <summary>The daemon closed the connection before answering.</summary>
    ConnectionLost,
    /// <summary>The path cannot name a Unix socket (longer than sun_path).</summary>
    InvalidPath,
    /// <summary>The daemon's answer could not be parsed, or the request was too long to send.</summary>
    Protocol,
}
