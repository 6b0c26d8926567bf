using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>
/// What Kea 2.2.0 (Debian 12 kea-dhcp6-server 2.2.0-6) answered to DualHome's own messages, captured with
/// TestData/capture-kea.sh (phase "ours": tcpdump 4.99.3 on the client's veth, payloads printed by tshark 4.0.17).
/// Kea: server-id DUID-LLT fixed in its config, pd-pool 2001:db8:a::/48 in /56 chunks for our DUID only, T1 900,
/// T2 1440, preferred 1800, valid 3600, option data dns-servers 2001:db8:ffff::53 and solmax-rt 7200.
/// Each constant is the UDP payload; the messages we sent are in <see cref="MessageGoldenTests"/>.
/// </summary>
internal static class KeaCaptures
{
    private const string ClientId = "0001 000a 0003 0001 00005e005302";        // Client Identifier: DUID-LL, Ethernet, 00:00:5e:00:53:02
    private const string ServerId = "0002 000e 0001 0001 2d4cae00 00005e005301"; // Server Identifier: DUID-LLT, Ethernet, t=760000000, 00:00:5e:00:53:01
    private const string Dns = "0017 0010 20010db8 ffff0000 00000000 00000053"; // OPTION_DNS_SERVERS (RFC 3646): 2001:db8:ffff::53
    private const string SolMaxRt = "0052 0004 00001c20";                         // OPTION_SOL_MAX_RT: 7200 s
    private const string IaPd = """
        0019 0029 00000001 00000384 000005a0    # IA_PD, len 41: IAID 1, T1 900, T2 1440
          001a 0019 00000708 00000e10 38        #   IA Prefix, len 25: preferred 1800, valid 3600, /56
          20010db8 000a0000 00000000 00000000   #   2001:db8:a::
        """;

    /// <summary>Advertise (2) to our Solicit 0x123456.</summary>
    public static readonly byte[] Advertise = Hex.Parse($"""
        02 123456                               # Advertise, transaction-id 0x123456
        {ClientId}
        {ServerId}
        {Dns}
        {IaPd}
        {SolMaxRt}
        """);

    /// <summary>Reply (7) to our Request 0x234567; Kea's Replies to our Renew 0x345678, Rebind 0x456789 and to a
    /// Renew after Release (0x789abc: Kea 2.2 hands the free prefix back instead of saying NoBinding) are the same
    /// bytes with their own transaction-id.</summary>
    public static readonly byte[] ReplyToRequest = Reply("234567");
    public static readonly byte[] ReplyToRenew = Reply("345678");
    public static readonly byte[] ReplyToRebind = Reply("456789");
    public static readonly byte[] ReplyToRenewAfterRelease = Reply("789abc");

    private static byte[] Reply(string transactionId) => Hex.Parse($"""
        07 {transactionId}                      # Reply
        {ClientId}
        {ServerId}
        {Dns}
        {IaPd}
        {SolMaxRt}
        """);

    /// <summary>Advertise to a Solicit 0x6789ab from another router (DUID-LL 00:00:5e:00:53:03) that Kea's pool
    /// class does not serve: NoPrefixAvail inside the IA_PD (§18.3.1).</summary>
    public static readonly byte[] AdvertiseNoPrefixAvail = Hex.Parse("""
        02 6789ab                               # Advertise, transaction-id 0x6789ab
        0001 000a 0003 0001 00005e005303        # Client Identifier: DUID-LL 00:00:5e:00:53:03
        0002 000e 0001 0001 2d4cae00 00005e005301
        0017 0010 20010db8 ffff0000 00000000 00000053
        0019 0038 00000001 00000000 00000000    # IA_PD, len 56: IAID 1, T1 0, T2 0, no prefix
          000d 0028 0006                        #   Status Code, len 40: NoPrefixAvail (6)
          536f7272792c206e6f207072656669786573  #   "Sorry, no prefixes"
          20636f756c6420626520616c6c6f63617465642e # " could be allocated."
        0052 0004 00001c20
        """);

    /// <summary>Reply to our Release 0x56789a: Success at the top and in the IA_PD (§18.3.7).</summary>
    public static readonly byte[] ReplyToRelease = Hex.Parse("""
        07 56789a                               # Reply, transaction-id 0x56789a
        0001 000a 0003 0001 00005e005302
        0002 000e 0001 0001 2d4cae00 00005e005301
        000d 0029 0000                          # Status Code, len 41: Success
        53756d6d61727920737461747573            #   "Summary status"
        20666f7220616c6c2070726f636573736564    #   " for all processed"
        2049415f4e4173                          #   " IA_NAs"
        0019 003f 00000001 00000000 00000000    # IA_PD, len 63: IAID 1, T1 0, T2 0
          000d 002f 0000                        #   Status Code, len 47: Success
          4c656173652072656c65617365642e        #   "Lease released."
          205468616e6b20796f752c20706c65617365  #   " Thank you, please"
          20636f6d6520616761696e2e              #   " come again."
        """);

    /// <summary>Reply to a second Release 0x9abcde of the same prefix: NoBinding at the top and in the IA_PD.</summary>
    public static readonly byte[] ReplyNoBinding = Hex.Parse("""
        07 9abcde                               # Reply, transaction-id 0x9abcde
        0001 000a 0003 0001 00005e005302
        0002 000e 0001 0001 2d4cae00 00005e005301
        000d 0029 0003                          # Status Code, len 41: NoBinding (3)
        53756d6d6172792073746174757320666f7220616c6c2070726f6365737365642049415f4e4173
        0019 004b 00000001 00000000 00000000    # IA_PD, len 75: IAID 1, T1 0, T2 0
          000d 003b 0003                        #   Status Code, len 59: NoBinding (3)
          536f7272792c206e6f206b6e6f776e206c656173657320666f72 # "Sorry, no known leases for"
          207468697320647569642f696169642c2063616e27742072656c656173652e # " this duid/iaid, can't release."
        """);
}
