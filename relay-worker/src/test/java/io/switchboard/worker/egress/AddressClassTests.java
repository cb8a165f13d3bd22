package io.switchboard.worker.egress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressClassTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1                | LOOPBACK
			127.255.0.9              | LOOPBACK
			::1                      | LOOPBACK
			0.0.0.0                  | UNSPECIFIED
			::                       | UNSPECIFIED
			0.1.2.3                  | THIS_NETWORK
			10.0.0.1                 | PRIVATE
			10.255.255.255           | PRIVATE
			172.16.0.1               | PRIVATE
			172.31.255.254           | PRIVATE
			192.168.1.1              | PRIVATE
			fec0::1                  | PRIVATE
			169.254.0.1              | LINK_LOCAL
			fe80::1                  | LINK_LOCAL
			febf::1                  | LINK_LOCAL
			fc00::1                  | UNIQUE_LOCAL
			fd12:3456::1             | UNIQUE_LOCAL
			224.0.0.1                | MULTICAST
			239.255.255.250          | MULTICAST
			ff02::1                  | MULTICAST
			100.64.0.1               | SHARED
			100.127.255.254          | SHARED
			169.254.169.254          | METADATA
			168.63.129.16            | METADATA
			fd00:ec2::254            | METADATA
			255.255.255.255          | BROADCAST
			240.0.0.1                | RESERVED
			192.0.0.8                | RESERVED
			64:ff9b:1::a00:1         | RESERVED
			100::1                   | RESERVED
			198.18.0.1               | BENCHMARKING
			198.19.255.255           | BENCHMARKING
			2001:2::1                | BENCHMARKING
			192.0.2.1                | DOCUMENTATION
			198.51.100.7             | DOCUMENTATION
			203.0.113.9              | DOCUMENTATION
			2001:db8::1              | DOCUMENTATION
			2001:0:4136:e378::1      | TUNNEL
			::ffff:127.0.0.1         | LOOPBACK
			::ffff:10.0.0.1          | PRIVATE
			::ffff:169.254.169.254   | METADATA
			::127.0.0.1              | LOOPBACK
			64:ff9b::7f00:1          | LOOPBACK
			64:ff9b::a9fe:a9fe       | METADATA
			2002:c0a8:101::1         | PRIVATE
			93.184.216.34            | PUBLIC
			8.8.8.8                  | PUBLIC
			172.32.0.1               | PUBLIC
			100.128.0.1              | PUBLIC
			2606:4700::1111          | PUBLIC
			2a00:1450:4001:82a::200e | PUBLIC
			::ffff:93.184.216.34     | PUBLIC
			64:ff9b::5db8:d822       | PUBLIC
			2002:5db8:d822::1        | PUBLIC
			""")
	void addressesAreClassifiedByTheNetworkTheyBelongTo(String address, AddressClass expected) {
		assertThat(AddressClass.of(Addresses.of(address))).isEqualTo(expected);
	}

}
