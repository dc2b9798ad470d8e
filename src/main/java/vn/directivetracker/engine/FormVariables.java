package vn.directivetracker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The variables each form submits, read from the form itself as deployed with the model: a user task's or a
 * start event's {@code camunda:formKey} ({@code embedded:deployment:forms/x.html},
 * {@code camunda-forms:deployment:forms/x.form}) or {@code camunda:formRef} (a Camunda Form by key, bound
 * to the latest version, the model's deployment or a version).
 * <ul>
 *   <li>Embedded forms (HTML): every {@code cam-variable-name} attribute, and the names listed in the form's
 *   {@code data-submits} attribute: what the form's script creates itself (file uploads, JSON), declared there
 *   so that no script has to be parsed.</li>
 *   <li>Camunda Forms (JSON): the {@code key} of every input component that is not {@code disabled}
 *   (form-js submits read-only fields too, and leaves out disabled ones).</li>
 * </ul>
 * A task without a form, or whose form cannot be found in the deployment, submits nothing. Remembered per
 * process definition and activity (deployed resources never change); a form bound to its latest version is
 * looked up again each time and remembered per form definition. Runs inside a command (deployment cache,
 * resources), never checks authorizations itself.
 */
@Component
public class FormVariables {

  private static final Pattern CAM_VARIABLE = Pattern.compile("\\bcam-variable-name\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern DATA_SUBMITS = Pattern.compile("\\bdata-submits\\s*=\\s*[\"']([^\"']*)[\"']");
  /** form-js components that show but never submit a value. */
  private static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "button", "separator", "spacer",
      "table", "iframe", "documentPreview", "default");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Set<String>> byActivity = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byFormDefinition = new ConcurrentHashMap<>();

  /** What the form of this user task submits. */
  public Set<String> ofTask(CommandContext context, String processDefinitionId, String activityId) {
    return resolve(context, processDefinitionId, activityId);
  }

  /** What the start form of this process definition (its initial start event) submits. */
  public Set<String> ofStart(CommandContext context, String processDefinitionId) {
    ProcessDefinitionEntity definition = cache(context).findDeployedProcessDefinitionById(processDefinitionId);
    String initial = definition.getInitial() == null ? null : definition.getInitial().getId();
    return initial == null ? Set.of() : resolve(context, processDefinitionId, initial);
  }

  private Set<String> resolve(CommandContext context, String processDefinitionId, String activityId) {
    String key = processDefinitionId + "#" + activityId;
    Set<String> known = byActivity.get(key);
    if (known != null) {
      return known;
    }
    ProcessDefinitionEntity definition = cache(context).findDeployedProcessDefinitionById(processDefinitionId);
    BpmnModelInstance model = cache(context).findBpmnModelInstanceForProcessDefinition(definition);
    ModelElementInstance element = model.getModelElementById(activityId);
    String formKey = null;
    String formRef = null;
    String binding = null;
    Integer version = null;
    if (element instanceof UserTask task) {
      formKey = task.getCamundaFormKey();
      formRef = task.getCamundaFormRef();
      binding = task.getCamundaFormRefBinding();
      version = parseVersion(task.getCamundaFormRefVersion());
    } else if (element instanceof StartEvent start) {
      formKey = start.getCamundaFormKey();
      formRef = start.getCamundaFormRef();
      binding = start.getCamundaFormRefBinding();
      version = parseVersion(start.getCamundaFormRefVersion());
    }
    if (formRef != null && !formRef.isBlank()) {
      String bound = binding == null ? "latest" : binding;
      if ("latest".equals(bound)) {
        // A new version of the form may be deployed at any time: not remembered per activity.
        return ofFormDefinition(context, context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formRef));
      }
      CamundaFormDefinitionManager forms = context.getCamundaFormDefinitionManager();
      ResourceDefinitionEntity<?> form = "deployment".equals(bound)
          ? forms.findDefinitionByDeploymentAndKey(definition.getDeploymentId(), formRef)
          : forms.findDefinitionByKeyVersionAndTenantId(formRef, version, definition.getTenantId());
      Set<String> names = ofFormDefinition(context, form);
      byActivity.put(key, names);
      return names;
    }
    Set<String> names = Set.of();
    if (formKey != null) {
      String resource = deploymentResource(formKey);
      if (resource != null) {
        names = parse(resource, read(context, definition.getDeploymentId(), resource));
      }
    }
    byActivity.put(key, names);
    return names;
  }

  private Set<String> ofFormDefinition(CommandContext context, ResourceDefinitionEntity<?> form) {
    if (form == null) {
      return Set.of();
    }
    return byFormDefinition.computeIfAbsent(form.getId(),
        id -> parse(form.getResourceName(), read(context, form.getDeploymentId(), form.getResourceName())));
  }

  /** {@code embedded:deployment:forms/x.html} and {@code camunda-forms:deployment:forms/x.form}: the resource. */
  static String deploymentResource(String formKey) {
    String key = formKey.strip();
    for (String prefix : new String[] {"embedded:", "camunda-forms:"}) {
      if (key.startsWith(prefix)) {
        key = key.substring(prefix.length());
      }
    }
    return key.startsWith("deployment:") ? key.substring("deployment:".length()) : null;
  }

  private static String read(CommandContext context, String deploymentId, String resourceName) {
    ResourceEntity resource = context.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
    return resource == null || resource.getBytes() == null ? null
        : new String(resource.getBytes(), StandardCharsets.UTF_8);
  }

  static Set<String> parse(String resourceName, String text) {
    if (text == null) {
      return Set.of();
    }
    return resourceName.endsWith(".form") ? fromCamundaForm(text) : fromHtml(text);
  }

  /** An embedded form's {@code cam-variable-name}s and the names of its {@code data-submits}. */
  public static Set<String> fromHtml(String html) {
    Set<String> names = new TreeSet<>();
    Matcher bound = CAM_VARIABLE.matcher(html);
    while (bound.find()) {
      names.add(bound.group(1).strip());
    }
    Matcher declared = DATA_SUBMITS.matcher(html);
    while (declared.find()) {
      for (String name : declared.group(1).strip().split("\\s+")) {
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return Set.copyOf(names);
  }

  /** A Camunda Form's input keys (not disabled ones). */
  public static Set<String> fromCamundaForm(String json) {
    try {
      Set<String> names = new TreeSet<>();
      collect(JSON.readTree(json).path("components"), names);
      return Set.copyOf(names);
    } catch (IOException e) {
      throw new IllegalStateException("a deployed Camunda Form is not JSON", e);
    }
  }

  private static void collect(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false)) {
        continue;
      }
      String type = component.path("type").asText("");
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        names.add(component.path("path").asText().split("\\.")[0]); // a group or list submits under its path
        continue;
      }
      if (component.has("components")) {
        collect(component.path("components"), names);
      }
      if (component.hasNonNull("key") && !NOT_INPUT.contains(type)) {
        names.add(component.path("key").asText());
      }
    }
  }

  private static Integer parseVersion(String version) {
    try {
      return version == null ? null : Integer.valueOf(version.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static DeploymentCache cache(CommandContext context) {
    return context.getProcessEngineConfiguration().getDeploymentCache();
  }
}
