namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>What the client did with a received message. Values are stable (counters key on them).</summary>
public enum Dhcpv6ReceiveResult
{
    /// <summary>Used: an Advertise collected or acted on, or a Reply applied.</summary>
    Accepted = 0,
    /// <summary>The wire format is broken (see the reader's <c>Dhcpv6ReadResult</c>).</summary>
    Malformed = 1,
    /// <summary>Not Advertise, Reply or Reconfigure: nothing a client receives.</summary>
    UnexpectedType = 2,
    /// <summary>No exchange in progress, or its transaction-id differs (§16.1).</summary>
    WrongTransaction = 3,
    /// <summary>No Server Identifier option (§16.3, §16.10).</summary>
    MissingServerId = 4,
    /// <summary>No Client Identifier option, or not our DUID (§16.3, §16.10).</summary>
    NotForUs = 5,
    /// <summary>Valid but not for this state: an Advertise outside Soliciting, a Reply without Rapid Commit to a Solicit.</summary>
    NotExpected = 6,
    /// <summary>No IA_PD for our IAID with a usable prefix (§18.2.9: such an Advertise is ignored), or a status in
    /// it that does not change what the client does: the exchange goes on as if nothing had arrived.</summary>
    NoUsablePrefix = 7,
    /// <summary>Top-level UnspecFail or UseMulticast (§18.2.10): retried at the normal, rate-limited pace.</summary>
    ServerFailure = 8,
    /// <summary>A Reconfigure: refused, since the client never sent Reconfigure Accept (§18.2.11, §21.20) and has no
    /// reconfigure key to check its authentication with (§20.4).</summary>
    ReconfigureRefused = 9,
}
