package io.switchboard.app.operations;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests in {@code infra/k8s}, checked offline: every document binds to the
 * Kubernetes API model of its kind (fabric8's, generated from the API's OpenAPI schema)
 * with no field the model does not know and no value of the wrong type, and what refers
 * to something else (selectors, services, ports, secrets, the autoscaler's target) finds
 * it. The CloudNativePG {@code Cluster} is checked against the fields it must have.
 */
class KubernetesManifestsTests {

	private static final Path K8S = Path.of("..", "infra", "k8s");

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("v1/Namespace", Namespace.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class,
			"apps/v1/Deployment", Deployment.class, "autoscaling/v2/HorizontalPodAutoscaler",
			HorizontalPodAutoscaler.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"networking.k8s.io/v1/Ingress", Ingress.class);

	@Test
	void everyDocumentBindsStrictlyToItsKind() throws IOException {
		Manifests manifests = load();
		assertThat(manifests.typed).isNotEmpty();
		for (HasMetadata resource : manifests.typed) {
			assertThat(unknownFields(resource, "", new IdentityHashMap<>()))
				.as("%s %s has fields its kind does not know", resource.getKind(), resource.getMetadata().getName())
				.isEmpty();
			assertThat(resource.getMetadata().getNamespace()).isIn("switchboard", null);
		}
		assertThat(manifests.of(Deployment.class)).extracting((deployment) -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrder("switchboard-api", "switchboard-worker", "switchboard-ui");
	}

	@Test
	void kustomizationListsEveryManifest() throws IOException {
		Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
		List<?> resources = (List<?>) kustomization.get("resources");
		try (Stream<Path> files = Files.list(K8S)) {
			assertThat(files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
				.containsExactlyInAnyOrderElementsOf(resources.stream().map(String::valueOf).toList());
		}
	}

	@Test
	void deploymentsRunEachRoleWithProbesRequestsAndTheirConfiguration() throws IOException {
		Manifests manifests = load();
		List<String> roles = new ArrayList<>();
		for (Deployment deployment : manifests.of(Deployment.class)) {
			String name = deployment.getMetadata().getName();
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(name)
				.containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
			assertThat(deployment.getSpec().getSelector().getMatchLabels()).as(name).isNotEmpty();
			assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).as(name)
				.isGreaterThanOrEqualTo(55L);
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getImage()).as(name).isNotBlank();
			List<String> ports = container.getPorts().stream().map((port) -> port.getName()).toList();
			for (Probe probe : List.of(container.getReadinessProbe(), container.getLivenessProbe())) {
				assertThat(probe).as(name).isNotNull();
				assertThat(probe.getHttpGet().getPath()).startsWith("/actuator/health/");
				assertThat(ports).as(name).contains(probe.getHttpGet().getPort().getStrVal());
			}
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			Map<String, Quantity> requests = container.getResources().getRequests();
			assertThat(requests).as(name).containsKeys("cpu", "memory");
			assertThat(Quantity.getAmountInBytes(requests.get("memory")).longValue()).isGreaterThan(256L << 20);
			for (EnvVar env : container.getEnv()) {
				if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
					String secret = env.getValueFrom().getSecretKeyRef().getName();
					assertThat(manifests.secretNames()).as("%s reads secret %s", name, secret).contains(secret);
				}
				if (env.getName().equals("SWITCHBOARD_ROLES")) {
					roles.add(env.getValue());
				}
			}
			container.getEnvFrom()
				.forEach((source) -> assertThat(manifests.names(ConfigMap.class))
					.contains(source.getConfigMapRef().getName()));
			assertThat(container.getEnv()).extracting(EnvVar::getName).contains("SWITCHBOARD_SECRETS_MASTER_KEY");
		}
		assertThat(roles).containsExactlyInAnyOrder("api", "worker", "ui");
	}

	@Test
	void servicesIngressAutoscalerAndBudgetFindWhatTheyReferTo() throws IOException {
		Manifests manifests = load();
		for (Service service : manifests.of(Service.class)) {
			Deployment target = manifests.selected(service.getSpec().getSelector());
			Set<String> ports = Set.copyOf(target.getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.get(0)
				.getPorts()
				.stream()
				.map((port) -> port.getName())
				.toList());
			service.getSpec()
				.getPorts()
				.forEach((port) -> assertThat(ports).contains(port.getTargetPort().getStrVal()));
		}
		Ingress ingress = manifests.of(Ingress.class).get(0);
		List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
		for (HTTPIngressPath path : paths) {
			assertThat(path.getPathType()).isIn("Prefix", "Exact", "ImplementationSpecific");
			Service service = manifests.named(Service.class, path.getBackend().getService().getName());
			assertThat(service.getSpec().getPorts()).extracting((port) -> port.getName())
				.contains(path.getBackend().getService().getPort().getName());
		}
		assertThat(paths).extracting(HTTPIngressPath::getPath).contains("/in/", "/api/", "/");
		HorizontalPodAutoscaler hpa = manifests.of(HorizontalPodAutoscaler.class).get(0);
		assertThat(manifests.names(Deployment.class)).contains(hpa.getSpec().getScaleTargetRef().getName());
		assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
		for (PodDisruptionBudget budget : manifests.of(PodDisruptionBudget.class)) {
			manifests.selected(budget.getSpec().getSelector().getMatchLabels());
		}
		assertThat(manifests.of(PodDisruptionBudget.class)).extracting((budget) -> budget.getMetadata().getName())
			.contains("switchboard-api");
	}

	@Test
	void postgresIsACloudNativePgClusterWhoseSecretTheRolesRead() throws IOException {
		Map<String, Object> cluster = load().untyped.stream()
			.filter((document) -> "Cluster".equals(document.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat(cluster.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
		Map<?, ?> spec = (Map<?, ?>) cluster.get("spec");
		assertThat(spec.keySet()).allMatch((key) -> Set
			.of("instances", "imageName", "primaryUpdateStrategy", "storage", "walStorage", "bootstrap", "postgresql",
					"resources", "monitoring")
			.contains(key));
		assertThat((Integer) spec.get("instances")).isGreaterThanOrEqualTo(2);
		assertThat(((Map<?, ?>) spec.get("storage")).get("size")).isNotNull();
		Map<?, ?> initdb = (Map<?, ?>) ((Map<?, ?>) spec.get("bootstrap")).get("initdb");
		assertThat(initdb.get("database")).isEqualTo("switchboard");
		String url = load().named(ConfigMap.class, "switchboard").getData().get("SPRING_R2DBC_URL");
		assertThat(url).startsWith("r2dbc:postgresql://" + ((Map<?, ?>) cluster.get("metadata")).get("name") + "-rw:");
	}

	private static Manifests load() throws IOException {
		Manifests manifests = new Manifests();
		try (Stream<Path> files = Files.list(K8S)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					@SuppressWarnings("unchecked")
					Map<String, Object> map = (Map<String, Object>) document;
					if (map == null || "Kustomization".equals(map.get("kind"))) {
						continue;
					}
					Class<? extends HasMetadata> type = KINDS.get(map.get("apiVersion") + "/" + map.get("kind"));
					if (type != null) {
						manifests.typed.add(MAPPER.convertValue(map, type));
					}
					else {
						assertThat(map.get("apiVersion")).as("%s: a kind the test knows", file)
							.isEqualTo("postgresql.cnpg.io/v1");
					}
					manifests.untyped.add(map);
				}
			}
		}
		return manifests;
	}

	/**
	 * Fields fabric8's model kept aside because its kind has no such field: a typo, or
	 * something put at the wrong level.
	 */
	private static List<String> unknownFields(Object node, String path, Map<Object, Boolean> seen) {
		List<String> unknown = new ArrayList<>();
		if (node == null || seen.put(node, true) != null) {
			return unknown;
		}
		if (node instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknown.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
			}
			return unknown;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> unknown.addAll(unknownFields(value, path + "." + key, seen)));
			return unknown;
		}
		if (!node.getClass().getName().startsWith("io.fabric8.")) {
			return unknown;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0
					|| Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) value).keySet().forEach((key) -> unknown.add(path + "." + key));
			}
			else {
				unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3), seen));
			}
		}
		return unknown;
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Manifests {

		final List<HasMetadata> typed = new ArrayList<>();

		final List<Map<String, Object>> untyped = new ArrayList<>();

		<T extends HasMetadata> List<T> of(Class<T> type) {
			return this.typed.stream().filter(type::isInstance).map(type::cast).toList();
		}

		List<String> names(Class<? extends HasMetadata> type) {
			return of(type).stream().map((resource) -> resource.getMetadata().getName()).toList();
		}

		<T extends HasMetadata> T named(Class<T> type, String name) {
			return of(type).stream()
				.filter((resource) -> resource.getMetadata().getName().equals(name))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " named " + name));
		}

		/** Secrets in the manifests, and the one CloudNativePG makes for each cluster. */
		List<String> secretNames() {
			List<String> names = new ArrayList<>(names(Secret.class));
			this.untyped.stream()
				.filter((document) -> "Cluster".equals(document.get("kind")))
				.forEach((cluster) -> names.add(((Map<?, ?>) cluster.get("metadata")).get("name") + "-app"));
			return names;
		}

		Deployment selected(Map<String, String> selector) {
			List<Deployment> matching = of(Deployment.class).stream()
				.filter((deployment) -> deployment.getSpec()
					.getTemplate()
					.getMetadata()
					.getLabels()
					.entrySet()
					.containsAll(new LinkedHashMap<>(selector).entrySet()))
				.toList();
			assertThat(matching).as("pods selected by %s", selector).hasSize(1);
			return matching.get(0);
		}

	}

}
