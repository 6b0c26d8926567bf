namespace DualHome.Linux.Tests;

public sealed class NativeErrorExceptionTests
{
    [Fact]
    public void Message_NamesOperationErrnoNameAndNumber()
    {
        var error = new NativeErrorException("setsockopt(IPV6_RECVHOPLIMIT)", Errno.EPERM);

        Assert.Equal("setsockopt(IPV6_RECVHOPLIMIT) failed: EPERM (1)", error.Message);
        Assert.IsAssignableFrom<IOException>(error);
    }

    [Fact]
    public void Message_AppendsKernelDetail()
    {
        var error = new NativeErrorException("RTM_NEWROUTE", Errno.EINVAL, "Egress device not specified");

        Assert.Equal("RTM_NEWROUTE failed: EINVAL (22): Egress device not specified", error.Message);
        Assert.Equal("Egress device not specified", error.Detail);
    }

    [Fact]
    public void UnknownErrno_IsStillShownAsNumber()
    {
        Assert.Equal("x failed: errno (4095)", new NativeErrorException("x", 4095).Message);
    }
}
