package dev.kiln.cli.cri;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.stub.ClientCalls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * A CRI client as the kubelet is one: gRPC over containerd's unix socket to
 * runtime.v1.RuntimeService and ImageService. Debian ships no CRI .proto and no crictl, so the
 * messages are built from the CRI API's descriptors as containerd's own binary embeds them
 * (Go's protobuf registers each .proto as a gzip-compressed FileDescriptorProto): read from
 * the installed /usr/bin/containerd, they are exactly the API that containerd serves.
 * Requests are written and responses read as the proto's JSON mapping. Used by `kiln bench oci`
 * and by the CRI tests.
 */
public final class CriClient implements AutoCloseable {
    private final Descriptors.FileDescriptor api;
    private final EpollEventLoopGroup group = new EpollEventLoopGroup(1);
    private final ManagedChannel channel;

    /** A client of the CRI at {@code socket}, speaking the API that {@code containerdBinary} embeds. */
    public CriClient(Path socket, Path containerdBinary) throws Exception {
        this.api = criDescriptor(containerdBinary);
        this.channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString())).eventLoopGroup(group)
                .channelType(EpollDomainSocketChannel.class).usePlaintext().build();
    }

    /** runtime.v1's api.proto from the gzip members of a Go binary; its gogoproto import is dropped (options only). */
    public static Descriptors.FileDescriptor criDescriptor(Path binary) throws Exception {
        byte[] data = Files.readAllBytes(binary);
        for (int i = 0; i + 10 < data.length; i++) {
            if (data[i] != 0x1f || data[i + 1] != (byte) 0x8b || data[i + 2] != 8 || data[i + 9] != (byte) 0xff) continue;
            byte[] out;
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data, i, Math.min(1 << 20, data.length - i)))) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                out = b.toByteArray();
            } catch (IOException notGzip) {
                continue;
            }
            DescriptorProtos.FileDescriptorProto p;
            try {
                p = DescriptorProtos.FileDescriptorProto.parseFrom(out);
            } catch (com.google.protobuf.InvalidProtocolBufferException notDescriptor) {
                continue;
            }
            if (!p.getPackage().equals("runtime.v1") || p.getServiceCount() == 0) continue;
            DescriptorProtos.FileDescriptorProto.Builder b = p.toBuilder().clearDependency();
            return Descriptors.FileDescriptor.buildFrom(b.build(), new Descriptors.FileDescriptor[0]);
        }
        throw new IOException(binary + " embeds no runtime.v1 CRI descriptor (containerd 1.6 or later is needed)");
    }

    /** Calls service/method with a JSON request; returns the JSON response. */
    public String call(String service, String method, String jsonRequest) throws Exception {
        Descriptors.MethodDescriptor m = api.findServiceByName(service).findMethodByName(method);
        DynamicMessage.Builder request = DynamicMessage.newBuilder(m.getInputType());
        JsonFormat.parser().merge(jsonRequest, request);
        MethodDescriptor<DynamicMessage, DynamicMessage> md = MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName("runtime.v1." + service, method))
                .setRequestMarshaller(new Marshaller(m.getInputType())).setResponseMarshaller(new Marshaller(m.getOutputType())).build();
        DynamicMessage response = ClientCalls.blockingUnaryCall(channel, md, CallOptions.DEFAULT.withDeadlineAfter(180, TimeUnit.SECONDS),
                request.build());
        return JsonFormat.printer().print(response);
    }

    /** A call of runtime.v1.RuntimeService. */
    public String runtime(String method, String json) throws Exception {
        return call("RuntimeService", method, json);
    }

    private record Marshaller(Descriptors.Descriptor type) implements MethodDescriptor.Marshaller<DynamicMessage> {
        @Override
        public InputStream stream(DynamicMessage value) {
            return value.toByteString().newInput();
        }

        @Override
        public DynamicMessage parse(InputStream stream) {
            try {
                return DynamicMessage.parseFrom(type, stream);
            } catch (IOException e) {
                throw new IllegalStateException("bad CRI response: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
}
