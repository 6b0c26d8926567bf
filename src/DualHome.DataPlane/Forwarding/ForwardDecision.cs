using DualHome.DataPlane.Counters;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>
/// The verdict on one frame, a value type (no allocation): the action, and what that action needs — the drop
/// reason, the egress port with the MACs to write, the next hop to resolve, or the ICMPv6 error to answer with.
/// </summary>
public readonly record struct ForwardDecision
{
    public ForwardAction Action { get; private init; }

    /// <summary>Why the frame is not forwarded (<see cref="ForwardAction.Drop"/>, <see cref="ForwardAction.IcmpError"/>).</summary>
    public DropReason Reason { get; private init; }

    /// <summary>Where the frame goes (forward actions and <see cref="ForwardAction.AwaitNeighbor"/>).</summary>
    public Port Egress { get; private init; }

    /// <summary>Ethernet destination to write: the next hop's MAC.</summary>
    public Mac NextHop { get; private init; }

    /// <summary>Ethernet source to write: the egress port's MAC.</summary>
    public Mac EgressMac { get; private init; }

    /// <summary>The address whose MAC is missing (<see cref="ForwardAction.AwaitNeighbor"/>), in <c>Ipv6Key</c> form.</summary>
    public UInt128 NextHopAddress { get; private init; }

    public Icmpv6Error Error { get; private init; }

    public bool IsForward => Action is ForwardAction.ForwardToUplink or ForwardAction.ForwardToLan;

    public static ForwardDecision ToKernel => new() { Action = ForwardAction.ToKernel };

    public static ForwardDecision Drop(DropReason reason) => new() { Action = ForwardAction.Drop, Reason = reason };

    public static ForwardDecision Answer(Icmpv6Error error, DropReason reason) =>
        new() { Action = ForwardAction.IcmpError, Error = error, Reason = reason };

    public static ForwardDecision Forward(Port egress, Mac egressMac, Mac nextHop) => new()
    {
        Action = egress.IsLan ? ForwardAction.ForwardToLan : ForwardAction.ForwardToUplink,
        Egress = egress,
        EgressMac = egressMac,
        NextHop = nextHop,
    };

    public static ForwardDecision Await(Port egress, UInt128 nextHopAddress) =>
        new() { Action = ForwardAction.AwaitNeighbor, Egress = egress, NextHopAddress = nextHopAddress };

    public override string ToString() => Action switch
    {
        ForwardAction.Drop => $"drop {Reason.ToStableName()}",
        ForwardAction.IcmpError => $"icmp {Error.Type}/{Error.Code} ({Reason.ToStableName()})",
        ForwardAction.AwaitNeighbor => $"await neighbor on {Egress}",
        ForwardAction.ToKernel => "to kernel",
        _ => $"forward to {Egress} via {NextHop}",
    };
}
