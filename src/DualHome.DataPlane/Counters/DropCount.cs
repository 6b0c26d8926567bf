namespace DualHome.DataPlane.Counters;

/// <summary>One line of <c>show counters</c>: a port, a reason, how many frames.</summary>
public readonly record struct DropCount(string Port, DropReason Reason, long Count)
{
    public string ReasonName => Reason.ToStableName();
}
