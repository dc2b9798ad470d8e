package vn.directivetracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DirectiveTrackerApplication {

  public static void main(String[] args) {
    SpringApplication.run(DirectiveTrackerApplication.class, args);
  }
}
