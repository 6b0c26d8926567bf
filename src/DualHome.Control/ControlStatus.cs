namespace DualHome.Control;

/// <summary>The outcome of one control request; the values are the exit codes of <c>dualhomed ctl</c>.</summary>
public enum ControlStatus
{
    /// <summary>Done; the text (or JSON) is the answer.</summary>
    Ok = 0,

    /// <summary>Understood but not done (unknown uplink, invalid value, handler failure); the text says why.</summary>
    Refused = 1,

    /// <summary>Not understood (unknown command, wrong arguments, malformed or over-long request).</summary>
    Usage = 2,
}
