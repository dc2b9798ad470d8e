package vn.directivetracker.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Gives auto-deployed resources their path in the classpath as their name ({@code forms/carry-out.html},
 * {@code processes/directive-task.bpmn}). Left alone, the Spring integration names a resource found on
 * disk by its absolute file path ({@code /work/.../target/classes/forms/carry-out.html}) and one inside
 * the jar by its file name only: a form key such as {@code embedded:deployment:forms/carry-out.html}
 * would then resolve in neither, and every change of directory would redeploy everything. Runs after
 * the starter has collected the resources (postInit), before the engine deploys them.
 */
@Component
class DeploymentResourceNames extends AbstractProcessEnginePlugin {

  /** The folders the starter's deployment-resource-pattern reads (application.yml). */
  static final List<String> FOLDERS = List.of("processes", "forms");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration instanceof SpringProcessEngineConfiguration spring)
        || spring.getDeploymentResources() == null) {
      return;
    }
    List<Resource> named = new ArrayList<>();
    for (Resource resource : spring.getDeploymentResources()) {
      String name = classpathName(resource);
      named.add(name == null ? resource : new NamedResource(name, read(resource)));
    }
    spring.setDeploymentResources(named.toArray(Resource[]::new));
  }

  /** The path below the classpath root, from the last "/processes/" or "/forms/" of the URL; null if none. */
  static String classpathName(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString().replace('\\', '/');
    } catch (IOException e) {
      return null;
    }
    int best = -1;
    for (String folder : FOLDERS) {
      best = Math.max(best, url.lastIndexOf("/" + folder + "/"));
    }
    return best < 0 ? null : url.substring(best + 1);
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read deployment resource " + resource.getDescription(), e);
    }
  }

  /** The Spring integration takes a ContextResource's path within its context as the resource name. */
  static final class NamedResource extends AbstractResource implements ContextResource {

    private final String name;
    private final byte[] content;

    NamedResource(String name, byte[] content) {
      this.name = name;
      this.content = content;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public String getDescription() {
      return "deployment resource [" + name + "]";
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public long contentLength() {
      return content.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedResource r && r.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
