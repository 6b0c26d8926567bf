using System.Net;

namespace DualHome.Wire.Dhcpv6;

/// <summary>Fixed numbers of the DHCPv6 wire format, RFC 8415.</summary>
public static class Dhcpv6Constants
{
    /// <summary>§7.2: clients listen for DHCP messages on UDP port 546.</summary>
    public const int ClientPort = 546;

    /// <summary>§7.2: servers and relay agents listen on UDP port 547.</summary>
    public const int ServerPort = 547;

    /// <summary>§7.1: All_DHCP_Relay_Agents_and_Servers, the link-scoped multicast address a client sends to.</summary>
    public static IPAddress AllRelayAgentsAndServers { get; } = IPAddress.Parse("ff02::1:2");

    /// <summary>§8: msg-type (1 octet) and transaction-id (3 octets) precede the options.</summary>
    public const int HeaderLength = 4;

    /// <summary>§21.1: option-code (2 octets) and option-len (2 octets) precede the option data.</summary>
    public const int OptionHeaderLength = 4;

    /// <summary>§8: the transaction-id is 24 bits.</summary>
    public const uint MaxTransactionId = 0xff_ffff;

    /// <summary>§7.7, §21.21, §21.22: a time of all ones means infinity.</summary>
    public const uint Infinity = 0xffff_ffff;

    /// <summary>§21.9: the Elapsed Time option caps at 0xffff hundredths of a second.</summary>
    public const ushort MaxElapsedTime = 0xffff;
}
