namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>The first part of a message that RFC 8415 has the client ignore (see <see cref="Dhcpv6OptionFault"/>).</summary>
internal sealed class Dhcpv6FaultSink
{
    public Dhcpv6OptionFault First { get; private set; }

    public void Note(Dhcpv6OptionFault fault)
    {
        if (First == Dhcpv6OptionFault.None)
            First = fault;
    }
}

/// <summary>The top-level options read from one message, before they become a <see cref="Dhcpv6Message"/>.</summary>
internal sealed class Dhcpv6OptionSet
{
    public Dhcpv6FaultSink Faults { get; } = new();
    public Duid? ClientId { get; set; }
    public Duid? ServerId { get; set; }
    public List<IaPd> IaPds { get; } = [];
    public IReadOnlyList<ushort>? RequestedOptions { get; set; }
    public ushort? ElapsedTime { get; set; }
    public byte? Preference { get; set; }
    public Dhcpv6Status? Status { get; set; }
    public bool RapidCommit { get; set; }
    public bool ReconfigureAccept { get; set; }
    public Dhcpv6MessageType? ReconfigureMessage { get; set; }
    public Dhcpv6Authentication? Authentication { get; set; }
    public uint? SolMaxRt { get; set; }
    public uint? InfMaxRt { get; set; }
    public List<Dhcpv6RawOption> Other { get; } = [];
}

/// <summary>The options encapsulated in one IA_PD (§21.21) or IA Prefix (§21.22) option.</summary>
internal sealed class Dhcpv6EncapsulatedSet(Dhcpv6FaultSink faults)
{
    public Dhcpv6FaultSink Faults { get; } = faults;
    public List<IaPrefix> Prefixes { get; } = [];
    public Dhcpv6Status? Status { get; set; }
}
