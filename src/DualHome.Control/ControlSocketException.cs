namespace DualHome.Control;

/// <summary>The control socket cannot be set up at its path; the message says why and what to check.</summary>
public sealed class ControlSocketException(string message, Exception? inner = null) : IOException(message, inner);
