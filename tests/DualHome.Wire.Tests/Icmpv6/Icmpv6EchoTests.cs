using DualHome.Wire.Icmpv6;

namespace DualHome.Wire.Tests.Icmpv6;

public class Icmpv6EchoTests
{
    [Fact]
    public void RequestMatchesGoldenBytes()
    {
        var buffer = new byte[16];
        int n = Icmpv6Echo.WriteRequest(buffer, identifier: 0xd401, sequence: 7, payload: "dualhome"u8);
        Assert.Equal(16, n);
        Assert.Equal(Convert.FromHexString(
            "80" + "00" + "0000" +       // type 128 echo request, code 0, checksum left to the kernel
            "d401" + "0007" +            // identifier, sequence
            "6475616c686f6d65"),         // "dualhome"
            buffer);
    }

    [Fact]
    public void ReplyIsRead()
    {
        var reply = Convert.FromHexString("81" + "00" + "1234" + "d401" + "0007" + "6475616c686f6d65");
        Assert.True(Icmpv6Echo.TryReadReply(reply, out var id, out var seq));
        Assert.Equal((0xd401, 7), (id, seq));
    }

    [Theory]
    [InlineData("8100123412345600")] // TooShort: 7 bytes... padded below
    [InlineData("80001234d4010007")] // a request, not a reply
    [InlineData("81011234d4010007")] // code 1
    [InlineData("")]
    public void NonRepliesAreRejected(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        if (hex == "8100123412345600") bytes = bytes[..7];
        Assert.False(Icmpv6Echo.TryReadReply(bytes, out _, out _));
    }

    [Fact]
    public void SmallBufferIsRefusedBeforeWriting()
    {
        var buffer = new byte[10];
        Assert.Throws<ArgumentException>(() => Icmpv6Echo.WriteRequest(buffer, 1, 1, "dualhome"u8));
        Assert.All(buffer, b => Assert.Equal(0, b));
    }
}
