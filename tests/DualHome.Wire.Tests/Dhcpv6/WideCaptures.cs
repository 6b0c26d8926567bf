using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>
/// A whole prefix-delegation life of the reference client dhcp6c (Debian 12 wide-dhcpv6-client 20080615-23) against
/// Kea 2.2.0, captured with TestData/capture-kea.sh (phase "wide"): Kea with T1 30, T2 45, preferred 60, valid 90;
/// every Renew after the first dropped by nft so the client reaches T2; SIGTERM for the Release. dhcp6c's DUID-LLT
/// was written into its DUID file by the script. Each constant is the UDP payload.
/// </summary>
internal static class WideCaptures
{
    private const string ClientId = "0001 000e 0001 0001 329ec977 00005e005302"; // Client Identifier: DUID-LLT, t=0x329ec977, 00:00:5e:00:53:02
    private const string ServerId = "0002 000e 0001 0001 2d4cae00 00005e005301";
    private const string Dns = "0017 0010 20010db8 ffff0000 00000000 00000053";
    private const string Oro = "0006 0002 0017";                                  // ORO: DNS servers (dhcp6c does not ask for SOL_MAX_RT)
    private const string IaPdBound = """
        0019 0029 00000001 0000001e 0000002d    # IA_PD, len 41: IAID 1, T1 30, T2 45
          001a 0019 0000003c 0000005a 38        #   IA Prefix: preferred 60, valid 90, /56
          20010db8 000a0000 00000000 00000000   #   2001:db8:a::
        """;

    public static readonly byte[] Solicit = Hex.Parse($"""
        01 4bfd3d                               # Solicit
        {ClientId}
        0008 0002 0000                          # Elapsed Time 0
        {Oro}
        0019 000c 00000001 00000000 00000000    # IA_PD, len 12: IAID 1, T1 0, T2 0, empty
        """);

    public static readonly byte[] Advertise = Hex.Parse($"""
        02 4bfd3d {ClientId} {ServerId} {Dns}
        {IaPdBound}
        """);

    /// <summary>dhcp6c copies T1/T2 as 0 but the prefix lifetimes from the Advertise (§21.22 says SHOULD be 0).</summary>
    public static readonly byte[] Request = Hex.Parse($"""
        03 5dcaf8 {ClientId} {ServerId}
        0008 0002 0000 {Oro}
        0019 0029 00000001 00000000 00000000    # IA_PD: IAID 1, T1 0, T2 0
          001a 0019 0000003c 0000005a 38 20010db8 000a0000 00000000 00000000
        """);

    public static readonly byte[] ReplyToRequest = Hex.Parse($"07 5dcaf8 {ClientId} {ServerId} {Dns} {IaPdBound}");

    /// <summary>Renew at T1, to the server that delegated, with the T1/T2 and lifetimes it holds.</summary>
    public static readonly byte[] Renew = Hex.Parse($"""
        05 e8817e {ClientId} {ServerId}
        0008 0002 0000 {Oro}
        {IaPdBound}
        """);

    public static readonly byte[] ReplyToRenew = Hex.Parse($"07 e8817e {ClientId} {ServerId} {Dns} {IaPdBound}");

    /// <summary>The retransmitted (dropped) Renew 9.17 s into its exchange (§15: the same transaction-id).</summary>
    public static readonly byte[] RenewRetransmitted = Hex.Parse($"""
        05 d888ea {ClientId} {ServerId}
        0008 0002 0395                          # Elapsed Time 917 hundredths = 9.17 s
        {Oro}
        {IaPdBound}
        """);

    /// <summary>Rebind at T2: no Server Identifier (§18.2.5).</summary>
    public static readonly byte[] Rebind = Hex.Parse($"""
        06 692e06 {ClientId}
        0008 0002 0000 {Oro}
        {IaPdBound}
        """);

    public static readonly byte[] ReplyToRebind = Hex.Parse($"07 692e06 {ClientId} {ServerId} {Dns} {IaPdBound}");

    /// <summary>Release on SIGTERM: no ORO (§18.2.7).</summary>
    public static readonly byte[] Release = Hex.Parse($"""
        08 371098 {ClientId} {ServerId}
        0008 0002 0000
        {IaPdBound}
        """);

    public static readonly byte[] ReplyToRelease = Hex.Parse($"""
        07 371098 {ClientId} {ServerId}
        000d 0029 0000 53756d6d6172792073746174757320666f7220616c6c2070726f6365737365642049415f4e4173
        0019 003f 00000001 00000000 00000000
          000d 002f 0000 4c656173652072656c65617365642e205468616e6b20796f752c20706c6561736520636f6d6520616761696e2e
        """);
}
