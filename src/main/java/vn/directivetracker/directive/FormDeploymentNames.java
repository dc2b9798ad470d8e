package vn.directivetracker.directive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Gives the auto-deployed forms the same resource name everywhere: {@code forms/issue-directive.html}.
 * Left alone, the engine names a resource by its absolute file path when the classes are a folder (tests,
 * {@code spring-boot:run}: {@code /home/.../target/classes/forms/issue-directive.html}) and by its bare
 * file name inside the jar, so no {@code embedded:deployment:} form key could match both. Runs after
 * the starter has chosen the resources ({@code postInit}) and before it deploys them.
 */
@Component
class FormDeploymentNames extends AbstractProcessEnginePlugin {

  static final String FOLDER = "forms/";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration instanceof SpringProcessEngineConfiguration spring && spring.getDeploymentResources() != null) {
      spring.setDeploymentResources(Arrays.stream(spring.getDeploymentResources())
          .map(FormDeploymentNames::named).toArray(Resource[]::new));
    }
  }

  private static Resource named(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      return resource;
    }
    int at = url.lastIndexOf("/" + FOLDER);
    return at < 0 ? resource : new Named(resource, url.substring(at + 1));
  }

  /** A resource under the name the form keys use. */
  private static final class Named extends AbstractResource implements ContextResource {

    private final Resource resource;
    private final String name;

    Named(Resource resource, String name) {
      this.resource = resource;
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getFilename() {
      return resource.getFilename();
    }

    @Override
    public String getDescription() {
      return resource.getDescription();
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return resource.getInputStream();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Named n && n.name.equals(name) && n.resource.equals(resource);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
