package vn.directivetracker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *   <li>Embedded forms (HTML): every {@code cam-variable-name} attribute, of the type in the same element's
 *   {@code cam-variable-type} (String when there is none), and the names listed in the form's
 *   {@code data-submits} attribute: what the form's script creates itself (file uploads, JSON), declared there
 *   as {@code name} (a String) or {@code name:Type} ({@code evidence1:File}; {@code name:Bytes|String} for
 *   either) so that no script has to be parsed.</li>
 *   <li>Camunda Forms (JSON): the {@code key} of every input component that is not {@code disabled}
 *   (form-js submits read-only fields too, and leaves out disabled ones), of the type its component gives:
 *   text fields, text areas, selects, radios and date-times String, numbers Number, checkboxes Boolean, lists
 *   and groups Json.</li>
 * </ul>
 * The declared type is the name of a Camunda value type ({@code String}, {@code Long}, {@code Boolean},
 * {@code Date}, {@code File}, ...) or {@code Number} (any number); {@link TaskRulesGuard} refuses a value of
 * any other type.
 * A task without a form, or whose form cannot be found in the deployment, submits nothing. Remembered per
 * process definition and activity (deployed resources never change); a form bound to its latest version is
 * looked up again each time and remembered per form definition. Runs inside a command (deployment cache,
 * resources), never checks authorizations itself.
 */
@Component
public class FormVariables {

  private static final Pattern CAM_VARIABLE = Pattern.compile("\\bcam-variable-name\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern DATA_SUBMITS = Pattern.compile("\\bdata-submits\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern CAM_TYPE = Pattern.compile("\\bcam-variable-type\\s*=\\s*[\"']([^\"']+)[\"']");
  /** What an embedded form's field submits when it names no type, and a data-submits name without one. */
  static final String DEFAULT_TYPE = "String";
  /** form-js components that show but never submit a value. */
  private static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "button", "separator", "spacer",
      "table", "iframe", "documentPreview", "default");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, String>> byActivity = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> byFormDefinition = new ConcurrentHashMap<>();

  /** What the form of this user task submits. */
  public Set<String> ofTask(CommandContext context, String processDefinitionId, String activityId) {
    return typesOfTask(context, processDefinitionId, activityId).keySet();
  }

  /** What the form of this user task submits, each name with the type the form declares for it. */
  public Map<String, String> typesOfTask(CommandContext context, String processDefinitionId, String activityId) {
    return resolve(context, processDefinitionId, activityId);
  }

  /** What the start form of this process definition (its initial start event) submits. */
  public Set<String> ofStart(CommandContext context, String processDefinitionId) {
    return typesOfStart(context, processDefinitionId).keySet();
  }

  /** What the start form submits, each name with the type the form declares for it. */
  public Map<String, String> typesOfStart(CommandContext context, String processDefinitionId) {
    ProcessDefinitionEntity definition = cache(context).findDeployedProcessDefinitionById(processDefinitionId);
    String initial = definition.getInitial() == null ? null : definition.getInitial().getId();
    return initial == null ? Map.of() : resolve(context, processDefinitionId, initial);
  }

  private Map<String, String> resolve(CommandContext context, String processDefinitionId, String activityId) {
    String key = processDefinitionId + "#" + activityId;
    Map<String, String> known = byActivity.get(key);
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
      Map<String, String> names = ofFormDefinition(context, form);
      byActivity.put(key, names);
      return names;
    }
    Map<String, String> names = Map.of();
    if (formKey != null) {
      String resource = deploymentResource(formKey);
      if (resource != null) {
        names = parse(resource, read(context, definition.getDeploymentId(), resource));
      }
    }
    byActivity.put(key, names);
    return names;
  }

  private Map<String, String> ofFormDefinition(CommandContext context, ResourceDefinitionEntity<?> form) {
    if (form == null) {
      return Map.of();
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

  static Map<String, String> parse(String resourceName, String text) {
    if (text == null) {
      return Map.of();
    }
    return resourceName.endsWith(".form") ? typesFromCamundaForm(text) : typesFromHtml(text);
  }

  /** An embedded form's {@code cam-variable-name}s and the names of its {@code data-submits}. */
  public static Set<String> fromHtml(String html) {
    return typesFromHtml(html).keySet();
  }

  /**
   * An embedded form's {@code cam-variable-name}s with the {@code cam-variable-type} of the same element, and
   * the names of its {@code data-submits} ({@code name} or {@code name:Type}).
   */
  public static Map<String, String> typesFromHtml(String html) {
    Map<String, String> names = new TreeMap<>();
    Matcher bound = CAM_VARIABLE.matcher(html);
    while (bound.find()) {
      int start = html.lastIndexOf('<', bound.start());
      int end = html.indexOf('>', bound.end());
      Matcher type = CAM_TYPE.matcher(html.substring(Math.max(start, 0), end < 0 ? html.length() : end));
      names.put(bound.group(1).strip(), type.find() ? type.group(1).strip() : DEFAULT_TYPE);
    }
    Matcher declared = DATA_SUBMITS.matcher(html);
    while (declared.find()) {
      for (String entry : declared.group(1).strip().split("\\s+")) {
        if (entry.isEmpty()) {
          continue;
        }
        int colon = entry.indexOf(':');
        names.put(colon < 0 ? entry : entry.substring(0, colon), colon < 0 ? DEFAULT_TYPE : entry.substring(colon + 1));
      }
    }
    return Collections.unmodifiableMap(names);
  }

  /** A Camunda Form's input keys (not disabled ones). */
  public static Set<String> fromCamundaForm(String json) {
    return typesFromCamundaForm(json).keySet();
  }

  /** A Camunda Form's input keys (not disabled ones), each with the type its component submits. */
  public static Map<String, String> typesFromCamundaForm(String json) {
    try {
      Map<String, String> names = new TreeMap<>();
      collect(JSON.readTree(json).path("components"), names);
      return Collections.unmodifiableMap(names);
    } catch (IOException e) {
      throw new IllegalStateException("a deployed Camunda Form is not JSON", e);
    }
  }

  private static void collect(JsonNode components, Map<String, String> names) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false)) {
        continue;
      }
      String type = component.path("type").asText("");
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        names.put(component.path("path").asText().split("\\.")[0], "Json"); // a group or list submits under its path
        continue;
      }
      if (component.has("components")) {
        collect(component.path("components"), names);
      }
      if (component.hasNonNull("key") && !NOT_INPUT.contains(type)) {
        names.put(component.path("key").asText(), switch (type) {
          case "number" -> "Number";
          case "checkbox" -> "Boolean";
          case "checklist", "taglist", "dynamiclist", "group", "filepicker" -> "Json";
          default -> DEFAULT_TYPE; // textfield, textarea, select, radio, datetime
        });
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
