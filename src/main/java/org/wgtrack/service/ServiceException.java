package org.wgtrack.service;

/** Install or uninstall cannot go on; the message is the whole error line after the command name. */
public final class ServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServiceException(String message) {
        super(message);
    }
}
