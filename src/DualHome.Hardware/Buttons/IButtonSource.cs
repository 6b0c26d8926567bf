namespace DualHome.Hardware.Buttons;

/// <summary>Where button edges come from (a GPIO line, a Linux input device); each edge goes to the callback given
/// at creation, normally <see cref="ButtonLogic.OnRawEdge"/>. Creating a source never throws: missing hardware
/// gives a <see cref="NullButtonSource"/> and a warning.</summary>
public interface IButtonSource : IDisposable
{
    string Name { get; }

    /// <summary>Begins reporting edges.</summary>
    void Start();
}

/// <summary>No button (profile without one, or the hardware is missing). <c>ctl button</c> still works.</summary>
public sealed class NullButtonSource(string name) : IButtonSource
{
    public string Name { get; } = name;

    public void Start()
    {
    }

    public void Dispose()
    {
    }
}
