namespace DualHome.Hardware.Boards;

/// <summary>A board profile that cannot be used: not found, not JSON, or invalid. The message names the file and
/// each offending field ("Leds[1].Line: required for Type gpio").</summary>
public sealed class BoardProfileException(string message) : Exception(message);
