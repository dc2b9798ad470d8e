package vn.directivetracker.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The same 4xx answers on the webapps' engine API (/camunda/api/engine, which Tasklist and Cockpit call) and
 * Cockpit's plugin API (/camunda/api/cockpit, servlet "Cockpit Api") as on /engine-rest. That API is a Jersey
 * application of its own, registered by Camunda's webapp initializer as the
 * servlet "Engine Api"; Spring Boot's ResourceConfigCustomizer does not reach it. This replaces the
 * initializer with one that, once Camunda has registered its servlets, gives that servlet our exception
 * mappers ({@link EngineRestErrors}) through Jersey's {@code jersey.config.server.provider.classnames}.
 * Start-up fails if the servlet is not there: a silent 500 on every refused Tasklist form would be worse.
 */
@Component
class WebappEngineApiErrors implements BeanPostProcessor, BeanFactoryAware {

  static final String ENGINE_API_SERVLET = "Engine Api";
  /** Cockpit's plugin API, /camunda/api/cockpit (auditors and admins): the same mappers. */
  static final String COCKPIT_API_SERVLET = "Cockpit Api";
  static final String PROVIDERS = "jersey.config.server.provider.classnames";

  private BeanFactory beans;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beans = beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
    if (bean instanceof CamundaBpmWebappInitializer && !(bean instanceof WithOurMappers)) {
      return new WithOurMappers(beans.getBean(CamundaBpmProperties.class));
    }
    return bean;
  }

  static final class WithOurMappers extends CamundaBpmWebappInitializer {
    WithOurMappers(CamundaBpmProperties properties) {
      super(properties);
    }

    @Override
    public void onStartup(ServletContext context) {
      super.onStartup(context);
      for (String servlet : java.util.List.of(ENGINE_API_SERVLET, COCKPIT_API_SERVLET)) {
        ServletRegistration api = context.getServletRegistration(servlet);
        if (api == null) {
          throw new IllegalStateException("Camunda's webapps registered no servlet '" + servlet
              + "': its API would answer client errors with 500");
        }
        String mappers = EngineRestErrors.MAPPERS.stream().map(Class::getName).collect(Collectors.joining(","));
        String existing = api.getInitParameter(PROVIDERS);
        if (!api.setInitParameter(PROVIDERS, existing == null ? mappers : existing + "," + mappers)) {
          throw new IllegalStateException("could not give the servlet '" + servlet + "' our mappers");
        }
      }
    }
  }
}
