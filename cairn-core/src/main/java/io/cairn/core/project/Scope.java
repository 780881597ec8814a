package io.cairn.core.project;

/**
 * How far a principal's role reaches inside its project. Narrower scopes (one saved query and its results, a
 * scoped key with forced filters) join this sealed set as the features that issue them arrive.
 */
public sealed interface Scope {

    /** The whole project, as far as the role allows. */
    Scope PROJECT = new Project();

    record Project() implements Scope {}
}
