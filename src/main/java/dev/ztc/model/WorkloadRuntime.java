package dev.ztc.model;

import java.util.List;
import java.util.Optional;

/**
 * Where a service runs ({@code runs_on} in the inventory), which decides the AWS service principal its
 * role trusts. Optional in the input; {@link #EC2} when absent, as version-1 files assumed.
 */
public enum WorkloadRuntime {
    EC2("ec2", "ec2.amazonaws.com", List.of("sts:AssumeRole")),
    ECS_TASK("ecs-task", "ecs-tasks.amazonaws.com", List.of("sts:AssumeRole")),
    LAMBDA("lambda", "lambda.amazonaws.com", List.of("sts:AssumeRole")),
    // EKS Pod Identity tags the session with the pod's attributes, so its trust must allow sts:TagSession
    EKS_POD("eks-pod", "pods.eks.amazonaws.com", List.of("sts:AssumeRole", "sts:TagSession"));

    public static final WorkloadRuntime DEFAULT = EC2;

    private final String label;
    private final String servicePrincipal;
    private final List<String> trustActions;

    WorkloadRuntime(String label, String servicePrincipal, List<String> trustActions) {
        this.label = label;
        this.servicePrincipal = servicePrincipal;
        this.trustActions = trustActions;
    }

    public String label() {
        return label;
    }

    public String servicePrincipal() {
        return servicePrincipal;
    }

    public List<String> trustActions() {
        return trustActions;
    }

    public static Optional<WorkloadRuntime> ofLabel(String label) {
        for (WorkloadRuntime r : values()) {
            if (r.label.equals(label)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
