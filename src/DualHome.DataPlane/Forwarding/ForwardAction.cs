namespace DualHome.DataPlane.Forwarding;

/// <summary>What to do with a received frame.</summary>
public enum ForwardAction : byte
{
    /// <summary>Discard it; <see cref="ForwardDecision.Reason"/> says why (count it).</summary>
    Drop = 0,
    /// <summary>Not the forwarder's: the router itself, ND, link-local or multicast traffic. AF_PACKET only taps
    /// frames, so the kernel already has its own copy; the forwarder does nothing (and nothing is forwarded twice).</summary>
    ToKernel = 1,
    /// <summary>Rewrite (<see cref="Forwarder.TryRewrite"/>) and send out of uplink <see cref="ForwardDecision.Egress"/>.</summary>
    ForwardToUplink = 2,
    /// <summary>Rewrite and send out of the LAN port.</summary>
    ForwardToLan = 3,
    /// <summary>The next hop's MAC is unknown: hold the frame in the egress port's <c>PendingQueue</c> under
    /// <see cref="ForwardDecision.NextHopAddress"/> and resolve it.</summary>
    AwaitNeighbor = 4,
    /// <summary>Not forwarded (<see cref="ForwardDecision.Reason"/>, count it) and answered with
    /// <see cref="ForwardDecision.Error"/> out of the ingress port (<see cref="Forwarder.TryWriteIcmpError"/>).</summary>
    IcmpError = 5,
}
