package org.wgtrack.service;

/** Whether this process may change the system's services. */
public interface Privileges {

    boolean isRoot();
}
